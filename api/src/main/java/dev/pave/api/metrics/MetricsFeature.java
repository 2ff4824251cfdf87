package dev.pave.api.metrics;

import dev.pave.api.audit.AuditAppendTimer;
import dev.pave.api.core.Environments;
import dev.pave.api.dashboard.DashboardFeature;
import dev.pave.api.session.SessionFeature;
import dev.pave.api.wiring.PaveServices;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;

/** Wires the metrics: GET /v1/metrics, /prometheus on the admin port, and the /dashboard page. */
public final class MetricsFeature {

  private MetricsFeature() {}

  public static void register(Environment environment, PaveServices services, SessionFeature browser,
      Environments environments) {
    MetricsService metrics = new MetricsService(services.jdbi(), Clock.systemUTC());
    environment.jersey().register(new MetricsResource(metrics));
    // Load the replica in the background at start, so the first caller does not wait for it.
    environment.lifecycle().executorService("metrics-warm-up").maxThreads(1).build().submit(metrics::warmUp);

    PrometheusRegistry registry = PrometheusEndpoint.register(environment);
    registry.register(new RollupCollector(services.jdbi(), new EnvironmentLabel(environments.names())));

    DashboardFeature.register(environment, metrics, browser);
  }
}
