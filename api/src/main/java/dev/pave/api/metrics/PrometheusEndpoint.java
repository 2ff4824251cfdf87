package dev.pave.api.metrics;

import dev.pave.api.audit.AuditAppendTimer;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code /prometheus} on the admin port, with the JVM's and Dropwizard's metrics (Jetty, Jersey,
 * the Jdbi pool), for every Pave process: a server adds its request rollups, a worker serves this alone.
 */
public final class PrometheusEndpoint {

  private PrometheusEndpoint() {}

  /** Returns the endpoint's registry, for the caller's own collectors. */
  public static PrometheusRegistry register(Environment environment) {
    // A registry per application, not the global default: tests run several apps in one JVM.
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmMetrics.registerIfAbsent(environment.metrics());
    registry.register(new DropwizardBridge(environment.metrics())); // JVM, Jetty, Jdbi, executors: renamed
    // Workers append audit events too (every move of a request).
    registry.register(AuditAppendTimer.APPEND_SECONDS);
    environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping("/prometheus");
    return registry;
  }
}
