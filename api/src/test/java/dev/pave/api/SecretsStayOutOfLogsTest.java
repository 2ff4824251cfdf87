package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Sensitive values never reach the logs: every log event of a whole golden-path run (Pave's own
 * loggers at DEBUG, everything else at its configured level) is captured, formatted, with its
 * arguments and exceptions, and searched for the generated password and the tokens.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretsStayOutOfLogsTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final List<String> LOGGED = new CopyOnWriteArrayList<>();
  static final AppenderBase<ILoggingEvent> CAPTURE = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
      if (event.getArgumentArray() != null) {
        for (Object argument : event.getArgumentArray()) {
          text.append(' ').append(argument);
        }
      }
      event.getMDCPropertyMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          text.append(' ').append(frame.getSTEAsString());
        }
      }
      LOGGED.add(text.toString());
    }
  };
  static Level paveLevel;

  @BeforeAll
  static void capture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CAPTURE.setContext(context);
    CAPTURE.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(CAPTURE);
    paveLevel = context.getLogger("dev.pave").getLevel();
    context.getLogger("dev.pave").setLevel(Level.DEBUG);
  }

  @AfterAll
  static void release() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(CAPTURE);
    context.getLogger("dev.pave").setLevel(paveLevel);
  }

  @Test
  void noPasswordOrTokenIsEverLogged() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-logs", "team", "payments", "role", "requester"));
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.body().get("token").asText();

    HttpApi.Reply accepted = api.post(token, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "logs-db", "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "logs_db")));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    JsonNode done = api.awaitTerminal(token, accepted.body().get("id").asText(), Duration.ofSeconds(90));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    HttpApi.Reply revealed = api.get(token, "/v1/workspaces/logs-db/outputs?reveal=true");
    assertThat(revealed.status()).isEqualTo(200);
    String password = revealed.body().get("password").asText();
    assertThat(password).hasSizeGreaterThanOrEqualTo(32);

    assertThat(LOGGED).as("the capture sees Pave's DEBUG lines, so an empty search means something")
        .anyMatch(line -> line.contains("terraform apply exited 0"));
    assertThat(LOGGED).noneMatch(line -> line.contains(password))
        .noneMatch(line -> line.contains(token))
        .noneMatch(line -> line.contains(PaveTestApp.ADMIN_TOKEN));
  }
}
