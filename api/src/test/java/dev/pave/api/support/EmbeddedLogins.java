package dev.pave.api.support;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.home.EmbeddedPasswords;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * How a test logs in to the embedded servers: with the passwords Pave keeps in PAVE_HOME (never
 * hard-coded, never as a trusted superuser, which the servers no longer have).
 */
public record EmbeddedLogins(Path home) {

  public static EmbeddedLogins of(DropwizardAppExtension<PaveConfiguration> app) {
    return new EmbeddedLogins(Path.of(app.getConfiguration().home));
  }

  /** The password Pave generated for {@code role} on {@code server} ({@link EmbeddedPasswords}). */
  public String password(String server, String role) {
    try {
      return Files.readString(EmbeddedPasswords.file(home, server, role)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("no password of " + role + " on " + server + " in " + home, e);
    }
  }

  /**
   * Pave's database as its superuser: tests seed rows in bulk (the metrics seed turns triggers off
   * with session_replication_role, which only a superuser may).
   */
  public Connection paveDatabase(int port) {
    return paveSuperuser(port, "pave");
  }

  /** A database of Pave's own server as its superuser (for set-up checks). */
  public Connection paveSuperuser(int port, String database) {
    return connect(port, database, "postgres", password(EmbeddedPasswords.PAVE_SERVER, "postgres"));
  }

  /** A database of the golden path's target server as its superuser. */
  public Connection targetSuperuser(int port, String database) {
    return connect(port, database, "postgres", password(EmbeddedPasswords.TARGET_SERVER, "postgres"));
  }

  public static Connection connect(int port, String database, String user, String password) {
    try {
      return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot log in to 127.0.0.1:" + port + "/" + database + " as " + user, e);
    }
  }
}
