package dev.pave.api.metrics;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.EmbeddedLogins;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;

/**
 * The whole application, with its embedded PostgreSQL on a known port so a test can write rows
 * straight into Pave's tables (fixed timestamps, no Terraform) and then read the numbers over HTTP.
 */
public final class MetricsTestApp {

  public final int databasePort = freePort();
  public final DropwizardAppExtension<PaveConfiguration> app =
      PaveTestApp.embedded(ConfigOverride.config("embedded.databasePort", String.valueOf(databasePort)));

  public Connection connect() {
    return EmbeddedLogins.of(app).paveDatabase(databasePort);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
