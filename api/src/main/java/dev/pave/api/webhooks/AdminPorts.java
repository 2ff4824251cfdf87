package dev.pave.api.webhooks;

import dev.pave.api.PaveConfiguration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;

/**
 * The ports of Pave's admin connector, which no webhook may reach: the configured ones (all a
 * `pave worker` has) and, once Jetty is up, the bound ones (a configured port 0 is only known then).
 */
final class AdminPorts implements Supplier<Set<Integer>> {

  private final Set<Integer> ports = ConcurrentHashMap.newKeySet();

  static AdminPorts of(PaveConfiguration config, Environment environment) {
    AdminPorts admin = new AdminPorts();
    if (config.getServerFactory() instanceof DefaultServerFactory server) {
      for (ConnectorFactory connector : server.getAdminConnectors()) {
        if (connector instanceof HttpConnectorFactory http && http.getPort() > 0) {
          admin.ports.add(http.getPort());
        }
      }
    }
    environment.lifecycle().addServerLifecycleListener(jetty -> {
      for (Connector connector : jetty.getConnectors()) {
        if ("admin".equals(connector.getName()) && connector instanceof NetworkConnector network) {
          admin.ports.add(network.getLocalPort());
        }
      }
    });
    return admin;
  }

  @Override
  public Set<Integer> get() {
    return Set.copyOf(ports);
  }
}
