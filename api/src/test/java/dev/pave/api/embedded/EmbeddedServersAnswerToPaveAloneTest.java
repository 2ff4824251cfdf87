package dev.pave.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.home.EmbeddedPasswords;
import dev.pave.api.support.EmbeddedLogins;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, findings 1 and 7: a local user (tried as {@code nobody}) has no way into either
 * embedded server, and the roles Pave itself uses can neither become superuser nor run programs
 * on the server; PAVE_HOME is private.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EmbeddedServersAnswerToPaveAloneTest {

  static final int PAVE_PORT = freePort();
  static final int TARGET_PORT = freePort();
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("embedded.databasePort", String.valueOf(PAVE_PORT)),
      ConfigOverride.config("embedded.targetPort", String.valueOf(TARGET_PORT)));

  @Test
  void nobodyGetsInOverTcpOrTheSocket() throws Exception {
    EmbeddedLogins logins = EmbeddedLogins.of(APP);
    Path sockets = logins.home().resolve("sockets");
    for (int port : List.of(PAVE_PORT, TARGET_PORT)) {
      for (String user : List.of("postgres", PaveServerRoles.APP, PaveServerRoles.OWNER, TargetServerRoles.ADMIN)) {
        Result tcp = psqlAsNobody("host=127.0.0.1 port=" + port + " user=" + user + " dbname=postgres");
        assertThat(tcp.exit).as(user + " over TCP on " + port + ": " + tcp.output).isNotZero();
        assertThat(tcp.output).containsAnyOf("no password supplied", "password authentication failed");
        Result socket = psqlAsNobody("host=" + sockets + " port=" + port + " user=" + user + " dbname=postgres");
        assertThat(socket.exit).as(user + " over the socket on " + port + ": " + socket.output).isNotZero();
        assertThat(socket.output).contains("Permission denied");
      }
      // The socket is really there: Pave's own OS user, with the password, gets in through it.
      String superuser = logins.password(port == PAVE_PORT ? EmbeddedPasswords.PAVE_SERVER
          : EmbeddedPasswords.TARGET_SERVER, "postgres");
      Result own = run(Map.of("PGPASSWORD", superuser), "psql", "-X", "-w", "-At", "-c", "SELECT 1",
          "host=" + sockets + " port=" + port + " user=postgres dbname=postgres");
      assertThat(own.output.strip()).as(own.output).isEqualTo("1");
    }
    for (String server : List.of("postgres", "target-postgres")) {
      assertThat(Files.readAllLines(logins.home().resolve(server).resolve("pg_hba.conf")))
          .noneMatch(line -> !line.startsWith("#") && line.contains("trust"));
    }
  }

  @Test
  void pavesRolesAreNotSuperusersAndCannotRunPrograms() throws Exception {
    EmbeddedLogins logins = EmbeddedLogins.of(APP);
    List<Connection> roles = List.of(
        login(logins, PAVE_PORT, "pave", EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.APP),
        login(logins, PAVE_PORT, "pave", EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.OWNER),
        login(logins, PAVE_PORT, "pave_tfstate", EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.STATE),
        login(logins, TARGET_PORT, "postgres", EmbeddedPasswords.TARGET_SERVER, TargetServerRoles.ADMIN));
    for (Connection connection : roles) {
      try (connection; Statement s = connection.createStatement()) {
        String who = value(s, "SELECT current_user");
        assertThat(value(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).as(who).isEqualTo("false");
        assertThatThrownBy(() -> s.execute("COPY (SELECT 1) TO PROGRAM 'true'")).as(who)
            .isInstanceOf(SQLException.class).hasMessageContaining("pg_execute_server_program");
        assertThatThrownBy(() -> s.execute("SELECT pg_read_file('postgresql.conf')")).as(who)
            .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
      }
    }
  }

  @Test
  void theApplicationRoleTouchesRowsOfPavesTablesOnly() throws Exception {
    EmbeddedLogins logins = EmbeddedLogins.of(APP);
    try (Connection app = login(logins, PAVE_PORT, "pave", EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.APP);
        Statement s = app.createStatement()) {
      assertThat(value(s, "SELECT count(*)::text FROM tokens")).isNotNull();
      assertThatThrownBy(() -> s.execute("CREATE TABLE stolen (x text)")).isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.execute("DROP TABLE tokens")).isInstanceOf(SQLException.class)
          .hasMessageContaining("must be owner");
    }
    assertThatThrownBy(() -> login(logins, PAVE_PORT, "pave_tfstate", EmbeddedPasswords.PAVE_SERVER,
        PaveServerRoles.APP)).as("Terraform's state is not the application's")
        .hasStackTraceContaining("permission denied for database");
    assertThatThrownBy(() -> login(logins, PAVE_PORT, "pave", EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.STATE))
        .as("Pave's tables are not Terraform's").hasStackTraceContaining("permission denied for database");
  }

  @Test
  void everythingUnderPaveHomeIsPrivate() throws IOException {
    Path home = EmbeddedLogins.of(APP).home();
    List<String> open = new ArrayList<>();
    try (Stream<Path> all = Files.walk(home)) {
      all.filter(p -> !Files.isSymbolicLink(p)).forEach(p -> {
        try {
          var permissions = Files.getPosixFilePermissions(p);
          if (permissions.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"))) {
            open.add(p + " " + java.nio.file.attribute.PosixFilePermissions.toString(permissions));
          }
        } catch (IOException e) {
          // removed while walking (a server's temporary file)
        }
      });
    }
    assertThat(open).isEmpty();
    assertThat(Files.getPosixFilePermissions(home)).doesNotContain(PosixFilePermission.OTHERS_READ);
    assertThat(Files.getPosixFilePermissions(home.resolve("secret.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(home.resolve("credentials")).isDirectory();
  }

  private static Connection login(EmbeddedLogins logins, int port, String database, String server, String role) {
    return EmbeddedLogins.connect(port, database, role, logins.password(server, role));
  }

  private static String value(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  record Result(int exit, String output) {}

  private static Result psqlAsNobody(String conninfo) throws Exception {
    return run(Map.of(), "runuser", "-u", "nobody", "--", "psql", "-X", "-w", "-c", "SELECT 1", conninfo);
  }

  private static Result run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("/").toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
