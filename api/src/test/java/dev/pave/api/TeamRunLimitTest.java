package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.FileTrees;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One team cannot starve the others, and a burst is queued, not refused: at most
 * limits.runsPerTeam of a team's requests run at once, the rest wait (202, queued) and run in
 * order as slots free, another team's request does not wait behind them, and only past
 * limits.waitingPerTeam is a request refused (429). The slow-apply module keeps runs busy.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TeamRunLimitTest {

  static final Path WORK = temporaryFolder();
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("limits.runsPerTeam", "2"),
      ConfigOverride.config("limits.waitingPerTeam", "3"),
      ConfigOverride.config("modulesDir", catalog().toString()),
      ConfigOverride.config("platformInputs.marker_file", WORK.resolve("applied.txt").toString()));
  static final Duration WAIT = Duration.ofSeconds(120);
  /** Long enough that the burst's POSTs all arrive while its first two runs are still applying. */
  static final int SLOW_SECONDS = 6;

  static HttpApi api;

  @BeforeAll
  static void client() {
    api = new HttpApi(APP.getLocalPort());
  }

  @Test
  void aTeamsBurstIsQueuedAndRunsInOrderTwoAtATimeWhileAnotherTeamIsNotHeldBehindIt() throws Exception {
    String busy = issue("ci-busy", "busy");
    String calm = issue("ci-calm", "calm");
    List<String> burst = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      HttpApi.Reply accepted = api.postRaw(busy, "/v1/requests", slow("busy-" + i, SLOW_SECONDS), "burst-" + i);
      assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
      assertThat(accepted.body().get("status").asText()).isEqualTo("queued");
      burst.add(accepted.body().get("id").asText());
    }

    // Two running and three waiting: the sixth is refused, nothing of it stored, with a time to come back.
    HttpApi.Reply refused = api.postRaw(busy, "/v1/requests", slow("busy-6", 0), "burst-6");
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
    assertThat(refused.header("Content-Type")).startsWith("application/json");
    assertThat(refused.body().get("message").asText()).contains("3 requests waiting");
    JsonNode stored = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests?team=busy&limit=100").body().get("requests");
    assertThat(stored).hasSize(5);
    // A retry of a waiting request is answered with it, however full the team's queue.
    HttpApi.Reply retry = api.postRaw(busy, "/v1/requests", slow("busy-5", SLOW_SECONDS), "burst-5");
    assertThat(retry.status()).as(retry.raw().body()).isEqualTo(202);
    assertThat(retry.body().get("id").asText()).isEqualTo(burst.get(4));
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

    // Another team's request, sent after the burst, starts before the burst's waiting ones.
    HttpApi.Reply other = api.postRaw(calm, "/v1/requests", slow("calm-1", 0), null);
    assertThat(other.status()).as(other.raw().body()).isEqualTo(202);
    JsonNode calmDone = api.awaitTerminal(calm, other.body().get("id").asText(), WAIT);
    assertThat(calmDone.get("status").asText()).as(calmDone.toString()).isEqualTo("succeeded");

    List<JsonNode> done = new ArrayList<>();
    for (String id : burst) {
      JsonNode request = api.awaitTerminal(busy, id, WAIT);
      assertThat(request.get("status").asText()).as(request.toString()).isEqualTo("succeeded");
      done.add(request);
    }
    Instant calmStarted = queueEnd(calmDone);
    for (JsonNode waited : done.subList(2, 5)) {
      assertThat(queueEnd(waited)).as("calm started before busy's waiting ones").isAfter(calmStarted);
    }
    for (int i = 1; i < done.size(); i++) {
      assertThat(queueEnd(done.get(i))).as("admitted in the order they were sent").isAfterOrEqualTo(queueEnd(done.get(i - 1)));
    }
    assertThat(mostAtOnce(done)).as("at most runsPerTeam of the team's runs at once").isEqualTo(2);
    // The queue step is the time from acceptance to start, the wait for a slot included.
    assertThat(queueStep(done.get(4)).get("durationMs").asLong()).isGreaterThanOrEqualTo(SLOW_SECONDS * 1000L);
  }

  @Test
  void aWaitingRequestIsCancelledWithoutEverRunning() throws Exception {
    String team = issue("ci-cancel", "cancelling");
    String first = accepted(team, slow("keep-1", SLOW_SECONDS));
    String second = accepted(team, slow("keep-2", SLOW_SECONDS));
    String waiting = accepted(team, slow("dropped", SLOW_SECONDS));

    HttpApi.Reply cancel = api.post(team, "/v1/requests/" + waiting + "/cancel", Map.of());
    assertThat(cancel.status()).as(cancel.raw().body()).isEqualTo(200);
    JsonNode cancelled = api.awaitTerminal(team, waiting, WAIT);
    assertThat(cancelled.get("status").asText()).as(cancelled.toString()).isEqualTo("cancelled");
    List<String> steps = new ArrayList<>();
    cancelled.get("steps").forEach(step -> steps.add(step.get("name").asText()));
    assertThat(steps).as("it never planned nor applied").doesNotContain("init", "plan", "apply");
    assertThat(api.awaitTerminal(team, first, WAIT).get("status").asText()).isEqualTo("succeeded");
    assertThat(api.awaitTerminal(team, second, WAIT).get("status").asText()).isEqualTo("succeeded");
    assertThat(Files.readAllLines(WORK.resolve("applied.txt"))).noneMatch(line -> line.startsWith("dropped "));
  }

  private static String accepted(String token, String body) {
    HttpApi.Reply reply = api.postRaw(token, "/v1/requests", body, null);
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  private static JsonNode queueStep(JsonNode request) {
    for (JsonNode step : request.get("steps")) {
      if (step.get("name").asText().equals("queue")) {
        return step;
      }
    }
    throw new AssertionError("no queue step: " + request);
  }

  private static Instant queueEnd(JsonNode request) {
    return Instant.parse(queueStep(request).get("finishedAt").asText());
  }

  /** The most runs that were between their start (end of queue) and their end at one moment. */
  private static int mostAtOnce(List<JsonNode> requests) {
    int most = 0;
    for (JsonNode at : requests) {
      Instant moment = queueEnd(at);
      int running = 0;
      for (JsonNode other : requests) {
        if (!queueEnd(other).isAfter(moment) && Instant.parse(other.get("finishedAt").asText()).isAfter(moment)) {
          running++;
        }
      }
      most = Math.max(most, running);
    }
    return most;
  }

  private static String slow(String workspace, int delaySeconds) {
    return "{\"module\": \"slow-apply\", \"workspace\": \"" + workspace + "\", \"environment\": \"dev\","
        + " \"ttlHours\": 24, \"inputs\": {\"label\": \"" + workspace + "\", \"delay_seconds\": " + delaySeconds + "}}";
  }

  private static String issue(String name, String team) {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team,
        "role", "requester"));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.body().get("token").asText();
  }

  private static Path catalog() {
    Path catalog = WORK.resolve("catalog");
    FileTrees.copy(Path.of("src/test/resources/resilience/modules/slow-apply"), catalog.resolve("slow-apply"));
    return catalog;
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("pave-run-limit");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
