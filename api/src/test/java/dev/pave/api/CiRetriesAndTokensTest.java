package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a CI pipeline relies on: safe retries, a queue instead of lock errors, cancel, revocable tokens. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CiRetriesAndTokensTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static HttpApi api;
  static String ci;

  @BeforeAll
  static void token() {
    api = new HttpApi(APP.getLocalPort());
    ci = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", "ci-orders", "team", "orders",
        "role", "requester")).body().get("token").asText();
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheFirstRequest() {
    String body = "{\"module\":\"postgres-database\",\"workspace\":\"idem-db\",\"environment\":\"dev\","
        + "\"ttlHours\":24,\"inputs\":{\"database_name\":\"idem\"}}";
    HttpApi.Reply first = api.postRaw(ci, "/v1/requests", body, "pipeline-42-step-3");
    HttpApi.Reply retry = api.postRaw(ci, "/v1/requests", body, "pipeline-42-step-3");
    assertThat(first.status()).isEqualTo(202);
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(api.get(ci, "/v1/requests?workspace=idem-db").body().get("requests")).hasSize(1);

    HttpApi.Reply different = api.postRaw(ci, "/v1/requests", body.replace("\"idem\"", "\"other\""),
        "pipeline-42-step-3");
    assertThat(different.status()).isEqualTo(409);
    assertThat(different.body().get("message").asText()).contains("Idempotency-Key");
    api.awaitTerminal(ci, first.body().get("id").asText(), Duration.ofSeconds(90));

    // A destroy retried after it succeeded gets its original answer, not "nothing to destroy".
    String destroy = "{\"module\":\"postgres-database\",\"workspace\":\"idem-db\",\"environment\":\"dev\","
        + "\"action\":\"destroy\"}";
    HttpApi.Reply destroyed = api.postRaw(ci, "/v1/requests", destroy, "pipeline-42-teardown");
    assertThat(destroyed.status()).as(destroyed.body().toString()).isEqualTo(202);
    assertThat(api.awaitTerminal(ci, destroyed.body().get("id").asText(), Duration.ofSeconds(90))
        .get("status").asText()).isEqualTo("succeeded");
    HttpApi.Reply retried = api.postRaw(ci, "/v1/requests", destroy, "pipeline-42-teardown");
    assertThat(retried.status()).as(retried.body().toString()).isEqualTo(202);
    assertThat(retried.body().get("id").asText()).isEqualTo(destroyed.body().get("id").asText());
    assertThat(api.postRaw(ci, "/v1/requests", destroy, "pipeline-43-teardown").status())
        .as("a new destroy of a destroyed workspace").isEqualTo(422);
  }

  @Test
  void aSecondRequestOnABusyWorkspaceQueuesAndCanBeCancelledBeforeItRuns() {
    String first = submit("queue-db", "queue_db");
    String second = submit("queue-db", "queue_db");
    HttpApi.Reply cancelled = api.post(ci, "/v1/requests/" + second + "/cancel", Map.of());
    JsonNode done = api.awaitTerminal(ci, second, Duration.ofSeconds(90));
    JsonNode firstDone = api.awaitTerminal(ci, first, Duration.ofSeconds(90));
    assertThat(firstDone.get("status").asText()).isEqualTo("succeeded");
    if (cancelled.status() == 200) {
      assertThat(done.get("status").asText()).isEqualTo("cancelled");
      assertThat(done.get("error").asText()).contains("ci-orders");
      assertThat(done.get("steps")).noneMatch(s -> s.get("name").asText().equals("apply"));
    } else {
      // The first request finished before the cancel arrived and the second had started applying.
      assertThat(cancelled.status()).isEqualTo(409);
    }
    assertThat(api.post(ci, "/v1/requests/" + first + "/cancel", Map.of()).status()).as("finished").isEqualTo(409);
  }

  @Test
  void aRevokedTokenStopsWorkingAtOnce() {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", "short-lived",
        "team", "orders", "role", "auditor", "expiresInDays", 1));
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.body().get("expiresAt").asText()).isNotBlank();
    String token = issued.body().get("token").asText();
    assertThat(token).startsWith("pave_");
    assertThat(api.get(token, "/v1/requests").status()).isEqualTo(200);
    assertThat(api.delete(PaveTestApp.ADMIN_TOKEN, "/v1/tokens/" + issued.body().get("id").asText()).status())
        .isEqualTo(204);
    assertThat(api.get(token, "/v1/requests").status()).isEqualTo(401);
    assertThat(api.delete(PaveTestApp.ADMIN_TOKEN, "/v1/tokens/tok_doesnotexist").status()).isEqualTo(404);
  }

  private static String submit(String workspace, String database) {
    HttpApi.Reply reply = api.post(ci, "/v1/requests", Map.of("module", "postgres-database", "workspace", workspace,
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", database)));
    assertThat(reply.status()).isEqualTo(202);
    return reply.body().get("id").asText();
  }
}
