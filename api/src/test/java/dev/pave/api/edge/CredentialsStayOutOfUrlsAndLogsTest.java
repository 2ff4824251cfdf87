package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import dev.pave.api.support.RawHttp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Credentials travel only in the Authorization header: {@code ?access_token=} is refused on every
 * path before authentication, and no token reaches a log line, neither the request log nor the
 * application log, not even with Jetty and Jersey at DEBUG.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CredentialsStayOutOfUrlsAndLogsTest {

  static final Path REQUEST_LOG = requestLogFile();
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embeddedFrom("pave-test-request-log.yml",
      ConfigOverride.config("server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG.toString()));
  static final List<String> LOGGED = new CopyOnWriteArrayList<>();
  static final AppenderBase<ILoggingEvent> CAPTURE = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      LOGGED.add(event.getLoggerName() + " " + event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
    }
  };

  @BeforeAll
  static void capture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CAPTURE.setContext(context);
    CAPTURE.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(CAPTURE);
  }

  @AfterAll
  static void release() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(CAPTURE);
  }

  @Test
  void aTokenInTheQueryIsRefusedOnEveryPathBeforeAuthentication() {
    for (String path : new String[] {"/v1/modules", "/v1/health", "/v1/requests?workspace=w", "/no-such-path",
        "/dashboard"}) {
      String target = path + (path.contains("?") ? "&" : "?") + "access_token=" + PaveTestApp.ADMIN_TOKEN;
      RawHttp.Reply reply = RawHttp.send(APP.getLocalPort(), "GET", target);
      assertThat(reply.status()).as(target + ": " + reply.body()).isEqualTo(400);
      assertThat(reply.json().path("message").asText()).contains("Authorization header");
      assertThat(reply.body()).doesNotContain(PaveTestApp.ADMIN_TOKEN);
    }
    // Spelt another way, it is the same parameter to Jersey.
    RawHttp.Reply encoded = RawHttp.send(APP.getLocalPort(), "GET", "/v1/modules?access%5Ftoken=" + PaveTestApp.ADMIN_TOKEN);
    assertThat(encoded.status()).isEqualTo(400);
    RawHttp.Reply admin = RawHttp.send(APP.getAdminPort(), "GET", "/prometheus?access_token=x");
    assertThat(admin.status()).isEqualTo(400);
  }

  @Test
  void noTokenReachesTheRequestLog() throws Exception {
    String token = issueToken("ci-request-log");
    RawHttp.send(APP.getLocalPort(), "GET", "/v1/modules?access_token=" + token);
    RawHttp.send(APP.getLocalPort(), "GET", "/v1/requests?workspace=w&access_token=" + token);
    String marker = "/v1/marker-" + UUID.randomUUID();
    RawHttp.send(APP.getLocalPort(), "GET", marker);

    String requestLog = awaitInRequestLog(marker);
    assertThat(requestLog).as("the refused requests are in the log").contains("\"GET /v1/modules HTTP/1.1\" 400");
    assertThat(requestLog).doesNotContain(token).doesNotContain(PaveTestApp.ADMIN_TOKEN).doesNotContain("access_token");
    assertThat(LOGGED).noneMatch(line -> line.contains(token));
  }

  @Test
  void anAuthorizationHeaderIsNeverLoggedEvenAtDebug() {
    String token = issueToken("ci-debug-log");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger jetty = context.getLogger("org.eclipse.jetty");
    Logger jersey = context.getLogger("org.glassfish.jersey");
    Level jettyBefore = jetty.getLevel();
    Level jerseyBefore = jersey.getLevel();
    int from = LOGGED.size();
    jetty.setLevel(Level.DEBUG);
    jersey.setLevel(Level.DEBUG);
    try {
      HttpApi.Reply modules = new HttpApi(APP.getLocalPort()).get(token, "/v1/modules");
      assertThat(modules.status()).isEqualTo(200);
    } finally {
      jetty.setLevel(jettyBefore);
      jersey.setLevel(jerseyBefore);
    }
    List<String> all = List.copyOf(LOGGED);
    List<String> debug = all.subList(from, all.size());
    assertThat(debug).as("Jetty's DEBUG lines were captured, so an empty search means something")
        .anyMatch(line -> line.startsWith("org.eclipse.jetty"));
    assertThat(debug).noneMatch(line -> line.contains(token));
    // Jetty's buffer dumps show the first and last bytes of a raw request: the end of its
    // Authorization header, i.e. a piece of the token. No part of it may show either.
    String tail = token.substring(token.length() - 12);
    assertThat(debug).noneMatch(line -> line.contains(tail));
  }

  private static String issueToken(String name) {
    HttpApi.Reply issued = new HttpApi(APP.getLocalPort()).post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", name, "team", "payments", "role", "requester"));
    assertThat(issued.status()).isEqualTo(201);
    return issued.body().get("token").asText();
  }

  /** The request log is written asynchronously: wait for a line we know was written last. */
  private static String awaitInRequestLog(String marker) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      String log = Files.exists(REQUEST_LOG) ? Files.readString(REQUEST_LOG) : "";
      if (log.contains(marker) || Instant.now().isAfter(deadline)) {
        assertThat(log).as("the request log is written").contains(marker);
        return log;
      }
      Thread.sleep(100);
    }
  }

  private static Path requestLogFile() {
    try {
      return Files.createTempDirectory("pave-request-log").resolve("requests.log");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
