package dev.pave.api.edge;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.auth.SecretLength;
import dev.pave.api.errors.JsonErrorHandler;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.setup.ServletEnvironment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.server.ServerProperties;

/**
 * What stands between the network and Pave's resources, on both ports: where the admin port
 * listens and what it serves, what a query string may carry, whose forwarded headers count,
 * JSON for Jetty's own errors, relative Location headers, and logs without credentials. (The
 * failed-authentication limit wraps the bearer filter: {@link FailedAuthLimit}.)
 */
public final class HttpEdge {

  private HttpEdge() {}

  /** Checks and settings that must hold before anything starts: a refusal here leaves nothing running. */
  public static void configure(PaveConfiguration config) {
    SecretLength.require("admin.prometheusToken (PAVE_PROMETHEUS_TOKEN)", config.admin().scrapeToken());
    TrustedProxies.parse(config.trustedProxies);
    AdminBinding.apply(config.getServerFactory(), config.admin().scrapeToken());
    RequestLogFormat.apply(config.getServerFactory());
    NoCredentialsInLogs.install();
  }

  public static void install(PaveConfiguration config, Environment environment, FailedSignIns failedSignIns) {
    filter(environment.servlets(), "query-string-rules", new QueryStringRules());
    environment.getApplicationContext().setErrorHandler(new JsonErrorHandler());
    environment.jersey().register(new CloseWhenBodyUnread());
    installAdmin(config, environment, failedSignIns);

    // Jersey makes a relative Location absolute from the request's Host header, which the client
    // chooses: a forged Host then redirected the next call elsewhere. Keep it relative.
    environment.jersey().property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
  }

  /**
   * The admin port's rules, and the server-wide ones (Jetty's own errors, whose forwarded headers
   * count), alone for a process that serves nothing else (`pave worker`).
   */
  public static void installAdmin(PaveConfiguration config, Environment environment, FailedSignIns failedSignIns) {
    filter(environment.admin(), "admin-query-string-rules", new QueryStringRules());
    filter(environment.admin(), "admin-port-guard", new AdminPortGuard(config.admin().scrapeToken(), failedSignIns));
    TrustedProxies proxies = TrustedProxies.parse(config.trustedProxies);
    environment.getAdminContext().setErrorHandler(new JsonErrorHandler());
    // Requests Jetty refuses before any context sees them (bad URI, 414, 431) use the server's handler.
    environment.lifecycle().addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server) {
          server.setErrorHandler(new JsonErrorHandler());
          // On every connector, before any request: forwarded headers count only from trusted proxies.
          ForwardedFromTrustedProxies.install(server, proxies);
        }
      }
    });
  }

  private static void filter(ServletEnvironment servlets, String name, Filter filter) {
    servlets.addFilter(name, filter).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }
}
