package dev.pave.api.dashboard;

import dev.pave.api.metrics.MetricsService;
import dev.pave.api.session.BrowserSignIn;
import dev.pave.api.session.SessionFeature;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;

/** Registers the /dashboard page on the application port. */
public final class DashboardFeature {

  private DashboardFeature() {}

  public static void register(Environment environment, MetricsService metrics, SessionFeature browser) {
    environment.jersey().register(new DashboardResource(new BrowserSignIn(browser), metrics, Clock.systemUTC()));
  }
}
