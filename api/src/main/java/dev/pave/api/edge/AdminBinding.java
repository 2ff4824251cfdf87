package dev.pave.api.edge;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where the admin port listens. Dropwizard binds it to every interface; Pave binds it to
 * 127.0.0.1 unless {@code server.adminConnectors[n].bindHost} says otherwise, and refuses to start
 * when it is reachable from elsewhere without a scrape token to guard it.
 */
public final class AdminBinding {

  static final String LOOPBACK = "127.0.0.1";

  private AdminBinding() {}

  public static void apply(ServerFactory server, String scrapeToken) {
    List<ConnectorFactory> admin = adminConnectors(server);
    if (server instanceof DefaultServerFactory) {
      for (ConnectorFactory connector : admin) {
        if (connector instanceof HttpConnectorFactory http && http.getBindHost() == null) {
          http.setBindHost(LOOPBACK);
        }
      }
    }
    if (scrapeToken == null && !admin.stream().allMatch(AdminBinding::loopbackOnly)) {
      throw new IllegalStateException("the admin port is configured to listen beyond loopback (server.adminConnectors"
          + " bindHost) but no scrape token is set: set admin.prometheusToken (or PAVE_PROMETHEUS_TOKEN), or bind the"
          + " admin port to 127.0.0.1");
    }
  }

  /** A simple server serves admin on the application connector; any other factory is taken as exposed. */
  private static List<ConnectorFactory> adminConnectors(ServerFactory server) {
    if (server instanceof DefaultServerFactory factory) {
      return factory.getAdminConnectors();
    }
    if (server instanceof SimpleServerFactory simple) {
      return List.of(simple.getConnector());
    }
    return List.of(new HttpConnectorFactory()); // unknown shape: not provably loopback
  }

  private static boolean loopbackOnly(ConnectorFactory connector) {
    if (!(connector instanceof HttpConnectorFactory http) || http.getBindHost() == null) {
      return false;
    }
    try {
      return InetAddress.getByName(http.getBindHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
