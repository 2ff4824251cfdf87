package dev.pave.api.wiring;

import dev.pave.api.config.EmbeddedSettings;
import dev.pave.api.embedded.EmbeddedCluster;
import dev.pave.api.embedded.PaveServerRoles;
import dev.pave.api.embedded.TargetServerRoles;
import dev.pave.api.home.EmbeddedPasswords;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded default's two PostgreSQL clusters. Pave's own tables and Terraform state live in
 * one; the databases that developers ask for are created in the other, so a provisioned
 * database's owner can never reach Pave's tables and a runaway workload cannot starve Pave.
 * Each role Pave uses has its own password in PAVE_HOME ({@link EmbeddedPasswords}); the
 * superusers' serve only the set-up here.
 */
final class EmbeddedDatabases {

  static final String PAVE_DATABASE = "pave";
  static final String STATE_DATABASE = "pave_tfstate";

  private EmbeddedDatabases() {}

  static DatabaseEndpoints start(Path home, EmbeddedSettings settings) {
    Path binaries = settings.binariesDir == null ? home.resolve("postgres-binaries") : Path.of(settings.binariesDir);
    EmbeddedPasswords passwords = EmbeddedPasswords.in(home);
    Path sockets = home.resolve("sockets");
    EmbeddedCluster pave = new EmbeddedCluster("Pave's tables", home.resolve(EmbeddedPasswords.PAVE_SERVER), binaries,
        sockets, settings.databasePort, passwords.of(EmbeddedPasswords.PAVE_SERVER, "postgres")).startNow();
    EmbeddedCluster target = null;
    PaveServerRoles.Passwords pavePasswords = new PaveServerRoles.Passwords(
        passwords.of(EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.OWNER),
        passwords.of(EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.APP),
        passwords.of(EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.STATE));
    String targetAdminPassword = passwords.of(EmbeddedPasswords.TARGET_SERVER, TargetServerRoles.ADMIN);
    try {
      target = new EmbeddedCluster("golden path target server", home.resolve(EmbeddedPasswords.TARGET_SERVER),
          binaries, sockets, settings.targetPort, passwords.of(EmbeddedPasswords.TARGET_SERVER, "postgres")).startNow();
      PaveServerRoles.setUp(pave, PAVE_DATABASE, STATE_DATABASE, pavePasswords);
      TargetServerRoles.setUp(target, targetAdminPassword);
    } catch (RuntimeException e) {
      if (target != null) {
        stopQuietly(target, e);
      }
      stopQuietly(pave, e);
      throw e;
    }
    EmbeddedCluster targetServer = target;
    return new DatabaseEndpoints(pave.jdbcUrl(PAVE_DATABASE), PaveServerRoles.APP, pavePasswords.app(),
        PaveServerRoles.OWNER, pavePasswords.owner(),
        ExternalDatabase.libpqFromJdbc(pave.jdbcUrl(STATE_DATABASE) + "?sslmode=disable", PaveServerRoles.STATE,
            pavePasswords.state()),
        new StateDatabase(pave.jdbcUrl(STATE_DATABASE), PaveServerRoles.STATE, pavePasswords.state()),
        Map.of("server_host", "127.0.0.1", "server_port", targetServer.port(), "admin_user", TargetServerRoles.ADMIN),
        // The module's provisioners run psql as admin_user: libpq takes the password from here.
        Map.of("PGPASSWORD", targetAdminPassword),
        () -> {
          targetServer.stop();
          pave.stop();
        });
  }

  private static void stopQuietly(EmbeddedCluster cluster, RuntimeException why) {
    try {
      cluster.stop();
    } catch (java.io.IOException | RuntimeException e) {
      why.addSuppressed(e);
    }
  }
}
