package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.PaveTestApp;
import dev.pave.api.support.RawHttp;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The admin port is not a back door: it listens on loopback unless told otherwise, changes
 * nothing (Dropwizard's tasks are not served), shows no diagnostics, and serves Prometheus and
 * the health check to whoever reaches it there.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminPortTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  @Test
  void theLogLevelTaskIsNotServedAndChangesNothing() {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    Level before = logging.getLogger("org.eclipse.jetty").getEffectiveLevel();
    assertThat(before.isGreaterOrEqual(Level.INFO)).as("the test needs Jetty quieter than DEBUG first").isTrue();

    RawHttp.Reply reply = RawHttp.send(APP.getAdminPort(), "POST", "/tasks/log-level?logger=org.eclipse.jetty&level=DEBUG",
        "Content-Length: 0");

    assertThat(reply.status()).as(reply.body()).isIn(401, 404);
    assertThat(reply.json().path("code").asInt()).isEqualTo(reply.status());
    assertThat(logging.getLogger("org.eclipse.jetty").getEffectiveLevel()).isEqualTo(before);
  }

  @Test
  void noOtherTaskIsServed() {
    RawHttp.Reply gc = RawHttp.send(APP.getAdminPort(), "POST", "/tasks/gc", "Content-Length: 0");
    assertThat(gc.status()).as(gc.body()).isIn(401, 404);
  }

  @Test
  void diagnosticsAreNotServed() {
    for (String path : new String[] {"/threads", "/pprof", "/metrics", "/ping", "/", "/tasks"}) {
      RawHttp.Reply reply = RawHttp.send(APP.getAdminPort(), "GET", path);
      assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(404);
      assertThat(reply.body()).as(path).doesNotContain("java.lang.Thread", "\"main\"", "cpu");
    }
  }

  @Test
  void prometheusAndTheHealthCheckAreOpenOnLoopback() {
    RawHttp.Reply prometheus = RawHttp.send(APP.getAdminPort(), "GET", "/prometheus");
    assertThat(prometheus.status()).isEqualTo(200);
    assertThat(prometheus.body()).contains("pave_metrics_database_up");
    assertThat(RawHttp.send(APP.getAdminPort(), "GET", "/healthcheck").status()).isEqualTo(200);
  }

  @Test
  void theAdminConnectorBindsToLoopbackByDefault() {
    DefaultServerFactory server = (DefaultServerFactory) APP.getConfiguration().getServerFactory();
    assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getBindHost()).isEqualTo("127.0.0.1");
    Connector admin = null;
    for (Connector connector : APP.getEnvironment().getApplicationContext().getServer().getConnectors()) {
      if ("admin".equals(connector.getName())) {
        admin = connector;
      }
    }
    assertThat(admin).isInstanceOf(ServerConnector.class);
    assertThat(((ServerConnector) admin).getHost()).isEqualTo("127.0.0.1");
  }
}
