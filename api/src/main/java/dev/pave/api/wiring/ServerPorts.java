package dev.pave.api.wiring;

import dev.pave.api.PaveConfiguration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;

/**
 * PAVE_HTTP_PORT and PAVE_ADMIN_PORT override the ports in any mode, with or without a config
 * file, and Pave's own JSON error mappers replace Dropwizard's defaults (which can answer HTML).
 */
public final class ServerPorts {

  private ServerPorts() {}

  public static void applyEnvironment(PaveConfiguration config) {
    if (!(config.getServerFactory() instanceof DefaultServerFactory server)) {
      return;
    }
    server.setRegisterDefaultExceptionMappers(false);
    override(server.getApplicationConnectors().get(0), "PAVE_HTTP_PORT");
    override(server.getAdminConnectors().get(0), "PAVE_ADMIN_PORT");
  }

  private static void override(Object connector, String variable) {
    String value = System.getenv(variable);
    if (value != null && !value.isBlank() && connector instanceof HttpConnectorFactory http) {
      try {
        http.setPort(Integer.parseInt(value.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(variable + " must be a port number");
      }
    }
  }
}
