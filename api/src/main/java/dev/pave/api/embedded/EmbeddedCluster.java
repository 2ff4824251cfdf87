package dev.pave.api.embedded;

import dev.pave.api.home.BinariesFolder;
import dev.pave.api.home.PrivateFiles;
import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky's packaged binaries, nothing downloaded) whose data lives in a folder
 * that survives restarts. It answers to Pave alone: TCP on loopback and a Unix socket in a 0700
 * folder of PAVE_HOME, and every role, the superuser {@code postgres} included, must give its
 * password (SCRAM). The superuser's password is set before each start (see {@link SingleUserMode}),
 * so no {@code trust} line is ever written, and it is used for set-up only.
 *
 * <p>The server's log is copied into Pave's log (zonky reads its output): statements are never
 * logged, not even a failing one, because a statement may carry a password.
 */
public final class EmbeddedCluster implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);

  private final String label;
  private final Path dataDirectory;
  private final Path binaries;
  private final Path sockets;
  private final int port;
  private final String superuserPassword;
  private EmbeddedPostgres postgres;

  /**
   * @param sockets the folder for the Unix socket: private to Pave's OS user (0700, made so here)
   * @param superuserPassword the password {@code postgres} gets, set at every start
   */
  public EmbeddedCluster(String label, Path dataDirectory, Path binaries, Path sockets, int port,
      String superuserPassword) {
    this.label = label;
    this.dataDirectory = dataDirectory;
    this.binaries = binaries;
    this.sockets = sockets;
    this.port = port;
    this.superuserPassword = superuserPassword;
  }

  /** Starts now (not at Managed.start): the application needs the database while it is being wired. */
  public EmbeddedCluster startNow() {
    try {
      BinariesFolder.checkBeforeUse(binaries);
      PrivateFiles.folder(sockets);
      String verifier = PasswordUtil.encodeScramSha256(superuserPassword.toCharArray());
      OrphanPostmaster.stopIfRunning(dataDirectory);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(binaries.toFile())
          // No shutdown hook of its own: it would stop PostgreSQL at once on SIGTERM, under a
          // worker still draining its Terraform runs. Pave's lifecycle stops it, after the worker.
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("unix_socket_directories", sockets.toString())
          .setServerConfig("unix_socket_permissions", "0700")
          .setServerConfig("password_encryption", "scram-sha-256")
          .setServerConfig("log_statement", "none")
          .setServerConfig("log_min_error_statement", "panic")
          .setServerConfig("log_min_duration_statement", "-1")
          // zonky's own readiness check connects as postgres over TCP.
          .setConnectConfig("password", superuserPassword)
          // zonky turns both off (it is made for throwaway test databases). Here a commit is a
          // promise: the 202 for a request, a step's outcome, a provisioned database's data.
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("fsync", "on")
          .setDataDirectoryCustomizer(data -> {
            SingleUserMode.setSuperuserPassword(binaries, data.toPath(), verifier);
            requirePasswords(data);
          });
      if (port > 0) {
        builder.setPort(port);
      }
      postgres = builder.start();
      BinariesFolder.tightenAfterUse(binaries); // zonky made it 0777
      PrivateFiles.tighten(dataDirectory.resolve("epg-lock")); // zonky's lock file, made with the umask
      LOG.info("embedded PostgreSQL ({}) on 127.0.0.1:{}, data in {}", label, postgres.getPort(), dataDirectory);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL (" + label + ") in " + dataDirectory, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** A connection as the superuser, for set-up only. */
  public Connection superuser(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), "postgres", superuserPassword);
  }

  @Override
  public void start() {}

  @Override
  public void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  /** Passwords (SCRAM) for every role, the superuser included; nothing but loopback and the private socket. */
  private static void requirePasswords(File dataDirectory) {
    List<String> rules = List.of(
        "# Written by Pave at each start: every role, the superuser included, gives its password.",
        "local all all scram-sha-256",
        "host  all all 127.0.0.1/32 scram-sha-256");
    try {
      Files.write(dataDirectory.toPath().resolve("pg_hba.conf"), rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
