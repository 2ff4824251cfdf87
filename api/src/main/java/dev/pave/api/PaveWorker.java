package dev.pave.api;

import com.codahale.metrics.health.HealthCheck;
import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.edge.HttpEdge;
import dev.pave.api.metrics.PrometheusEndpoint;
import dev.pave.api.wiring.PaveServices;
import dev.pave.api.wiring.ServerPorts;
import dev.pave.api.wiring.StartSequence;
import dev.pave.api.wiring.WorkerComponents;
import dev.pave.workflows.contract.Provisioning;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import java.util.List;

/**
 * What `pave worker` wires: the databases and migrations, the Temporal connection, the worker
 * and the history archiving, and an admin port with {@code /healthcheck} and {@code /prometheus}
 * under the server's rules (loopback unless configured, the scrape token). No API port and no
 * resources: a worker serves nothing else, and its admin port has nothing else to guard.
 */
public final class PaveWorker extends Application<PaveConfiguration> {

  /** What a worker prints once it polls; operators and the resilience tests wait for it. */
  public static final String RUNNING = "Pave worker is running; Ctrl-C stops it.";

  @Override
  public String getName() {
    return "pave-worker";
  }

  @Override
  public void run(PaveConfiguration config, Environment environment) {
    StrictJson.apply(environment.getObjectMapper());
    ServerPorts.applyEnvironment(config);
    HttpEdge.configure(config);
    adminPortOnly(config, environment);
    StartSequence components = new StartSequence(environment.lifecycle());
    try {
      PaveServices services = PaveServices.start(config, environment, components);
      WorkerComponents.register(config, environment, services);
      HttpEdge.installAdmin(config, environment, new FailedSignIns(config.failedAuthPerMinute));
      PrometheusEndpoint.register(environment);
      environment.healthChecks().register("temporal", reachable(services.provisioning()));
    } catch (RuntimeException e) {
      throw components.abort(e);
    }
    environment.lifecycle().addServerLifecycleListener(server -> System.out.println(RUNNING));
  }

  /** Drops the API's connectors and Jersey: only the admin port listens. */
  private static void adminPortOnly(PaveConfiguration config, Environment environment) {
    if (!(config.getServerFactory() instanceof DefaultServerFactory server)) {
      throw new IllegalStateException("pave worker needs server.type: default (an admin port of its own);"
          + " the simple server type serves the admin pages on the API port");
    }
    server.setApplicationConnectors(List.of());
    environment.jersey().disable();
  }

  private static HealthCheck reachable(Provisioning provisioning) {
    return new HealthCheck() {
      @Override
      protected Result check() {
        return provisioning.reachable() ? Result.healthy() : Result.unhealthy("Temporal does not answer");
      }
    };
  }
}
