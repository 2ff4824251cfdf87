package dev.pave.api;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/** Where Pave listens and the first call to make, printed once the ports are bound. */
final class StartupBanner {

  private StartupBanner() {}

  static void print(PaveConfiguration config, Server server) {
    int api = -1;
    int admin = -1;
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof NetworkConnector network) {
        if ("application".equals(connector.getName()) || api < 0 && !"admin".equals(connector.getName())) {
          api = network.getLocalPort();
        }
        if ("admin".equals(connector.getName())) {
          admin = network.getLocalPort();
        }
      }
    }
    String mode = config.database.embedded() && config.temporal.embedded() ? "embedded default" : "cluster";
    System.out.println();
    System.out.println("Pave is up (" + mode + ", data in " + config.home + ")");
    System.out.println("  API    http://localhost:" + api + "/v1   (health: /v1/health, catalog: /v1/modules)");
    System.out.println("  admin  http://localhost:" + admin + "/prometheus   (and /healthcheck)");
    System.out.println("  try    curl -H \"Authorization: Bearer $PAVE_ADMIN_TOKEN\" http://localhost:" + api + "/v1/modules");
    System.out.println();
  }
}
