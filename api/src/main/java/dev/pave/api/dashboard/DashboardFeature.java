package dev.pave.api.dashboard;

import dev.pave.api.auth.TokenAuthenticator;
import dev.pave.api.metrics.MetricsService;
import dev.pave.api.wiring.PaveServices;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;

/** Registers the /dashboard page on the application port. */
public final class DashboardFeature {

  private DashboardFeature() {}

  public static void register(Environment environment, PaveServices services, MetricsService metrics) {
    environment.jersey().register(new DashboardResource(new DashboardSession(new TokenAuthenticator(services.jdbi)),
        metrics, Clock.systemUTC()));
  }
}
