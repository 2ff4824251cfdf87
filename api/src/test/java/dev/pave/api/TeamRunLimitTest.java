package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One team cannot starve the others: at most limits.runsPerTeam of its requests run at once. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TeamRunLimitTest {

  static final DropwizardAppExtension<PaveConfiguration> APP =
      PaveTestApp.embedded(ConfigOverride.config("limits.runsPerTeam", "2"));
  static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void concurrentRequestsOfATeamAtItsLimitGet429WhileAnotherTeamIsAccepted() throws Exception {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String busy = issue(api, "ci-busy", "busy", "requester");
    String calm = issue(api, "ci-calm", "calm", "requester");
    // A prod request held for an approver holds its workspace but no worker (it does not count);
    // the team's later requests on that workspace wait behind it, queued: running, and counted.
    HttpApi.Reply holder = api.postRaw(busy, "/v1/requests", prod("busy-line"), null);
    assertThat(holder.status()).as(holder.raw().body()).isEqualTo(202);
    api.awaitStatus(busy, holder.body().get("id").asText(), "awaiting_approval", WAIT);

    List<HttpApi.Reply> replies = postAtOnce(api, busy, 6);

    List<HttpApi.Reply> accepted = replies.stream().filter(r -> r.status() == 202).toList();
    List<HttpApi.Reply> refused = replies.stream().filter(r -> r.status() == 429).toList();
    assertThat(accepted).as(replies.stream().map(r -> r.raw().body()).toList().toString()).hasSize(2);
    assertThat(refused).hasSize(4);
    for (HttpApi.Reply reply : refused) {
      assertThat(Integer.parseInt(reply.header("Retry-After"))).isPositive();
      assertThat(reply.header("Content-Type")).startsWith("application/json");
      assertThat(reply.body().get("code").asInt()).isEqualTo(429);
      assertThat(reply.body().get("message").asText()).contains("running");
    }
    // Nothing of a refused request was stored: the holder and the two accepted ones only.
    JsonNode stored = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests?team=busy&limit=100").body().get("requests");
    assertThat(stored).hasSize(3);

    // A retry of an accepted request is still answered, limit or not.
    HttpApi.Reply first = accepted.get(0);
    HttpApi.Reply retry = api.postRaw(busy, "/v1/requests", prod("busy-line"),
        first.raw().request().headers().firstValue("Idempotency-Key").orElseThrow());
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

    // Another team is not held back.
    HttpApi.Reply other = api.postRaw(calm, "/v1/requests", prod("calm-db"), null);
    assertThat(other.status()).as(other.raw().body()).isEqualTo(202);
  }

  private static List<HttpApi.Reply> postAtOnce(HttpApi api, String token, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpApi.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String key = "burst-" + i;
        futures.add(pool.submit(() -> {
          start.await();
          return api.postRaw(token, "/v1/requests", prod("busy-line"), key);
        }));
      }
      start.countDown();
      List<HttpApi.Reply> replies = new ArrayList<>();
      for (Future<HttpApi.Reply> future : futures) {
        replies.add(future.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String prod(String workspace) {
    return "{\"module\": \"postgres-database\", \"workspace\": \"" + workspace + "\", \"environment\": \"prod\","
        + " \"inputs\": {\"database_name\": \"" + workspace.replace('-', '_') + "\"}}";
  }

  private static String issue(HttpApi api, String name, String team, String role) {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.body().get("token").asText();
  }
}
