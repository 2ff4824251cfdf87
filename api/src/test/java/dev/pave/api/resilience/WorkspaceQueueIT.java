package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time per workspace, in the order accepted; different workspaces in parallel, up
 * to temporal.maxConcurrentRuns Terraform commands per worker. Proven from the step times Pave
 * records and from the order in which the applies really happened (the marker file), on the
 * real jar, embedded default.
 */
class WorkspaceQueueIT {

  static final int MAX_CONCURRENT_RUNS = 4;
  static final Set<String> HOLDING = Set.of("planning", "checking", "awaiting_approval", "applying");

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path dir;
  static PaveProcess pave;
  static PaveClient client;
  static MarkerFile marker;
  static PaveDatabase database;

  @BeforeAll
  static void start() {
    marker = new MarkerFile(dir.resolve("applied.log"));
    int databasePort = FreePorts.pick();
    database = PaveDatabase.embedded(databasePort, dir.resolve("home"));
    Path config = PaveConfigFile.with(TestCatalog.create(dir.resolve("catalog")))
        .set("embedded.targetPort", FreePorts.pick())
        .set("embedded.databasePort", databasePort)
        .set("temporal.maxConcurrentRuns", MAX_CONCURRENT_RUNS)
        .set("limits.runsPerTeam", 1000) // one team's requests on purpose: queueing is tested, not fairness
        .set("platformInputs", Map.of("marker_file", marker.path().toString()))
        .writeTo(dir.resolve("pave.yml"));
    pave = PaveProcess.server("pave", dir.resolve("home"), config).start().awaitReady(Duration.ofSeconds(120));
    client = PaveClient.issueTokens(pave.api());
  }

  @AfterAll
  static void stop() {
    if (pave != null) {
      pave.close();
    }
  }

  @Test
  void oneWorkspaceRunsOneRequestAtATimeInAcceptedOrderWhileOthersRunInParallel() {
    String line = "fifo-line";
    List<Supplier<HttpApi.Reply>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String label = "r%02d".formatted(i);
      calls.add(() -> client.submitSlow(line, "dev", label, 0));
    }
    for (int i = 0; i < 20; i++) { // new workspaces whose first applies take 2 s each
      String workspace = "fifo-other-%02d".formatted(i);
      calls.add(() -> client.submitSlow(workspace, "dev", "only", 2));
    }
    List<HttpApi.Reply> replies = Burst.send(calls, calls.size(), new Latencies());
    replies.forEach(r -> assertThat(r.status()).as(r.body().toString()).isEqualTo(202));

    // While they run: never two requests of the line past "queued" at once, and some wait.
    AtomicInteger mostHolding = new AtomicInteger();
    AtomicBoolean sawWaiting = new AtomicBoolean();
    List<String> ids = replies.stream().map(r -> r.body().get("id").asText()).toList();
    List<JsonNode> done = client.awaitAll(ids, Duration.ofSeconds(240), () -> {
      JsonNode list = client.api().get(client.requester(), "/v1/requests?workspace=" + line + "&limit=50").body();
      int holding = 0;
      int queued = 0;
      for (JsonNode request : list.get("requests")) {
        holding += HOLDING.contains(request.get("status").asText()) ? 1 : 0;
        queued += "queued".equals(request.get("status").asText()) ? 1 : 0;
      }
      mostHolding.accumulateAndGet(holding, Math::max);
      sawWaiting.compareAndSet(false, holding == 1 && queued > 0);
    });

    done.forEach(r -> assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("succeeded"));
    assertThat(mostHolding.get()).as("requests of one workspace past queued at once").isEqualTo(1);
    assertThat(sawWaiting.get()).as("later requests seen waiting in queued").isTrue();

    List<RunTimeline.Run> runs = done.stream().map(RunTimeline.Run::of).toList();
    List<RunTimeline.Run> lineRuns = runs.stream().filter(r -> r.workspace().equals(line)).toList();
    List<String> accepted = database.acceptedOrder(line);
    RunTimeline.assertOneAtATimeInAcceptedOrder(lineRuns, accepted);
    // The applies themselves happened in that order, each exactly once.
    List<String> acceptedLabels = RunTimeline.inOrder(lineRuns, accepted).stream()
        .map(run -> labelOf(done, run.id())).toList();
    assertThat(marker.labels(line)).containsExactlyElementsOf(acceptedLabels);

    assertThat(RunTimeline.workspacesOverlapped(runs)).as("different workspaces ran in parallel").isTrue();
    int mostTerraform = RunTimeline.maxConcurrentTerraform(runs);
    assertThat(mostTerraform).as("Terraform commands at once on one worker").isBetween(2, MAX_CONCURRENT_RUNS);
    // The first applies of new workspaces too: no database-wide lock makes them take turns.
    int mostApplies = RunTimeline.maxConcurrentApplies(runs);
    assertThat(mostApplies).as("first applies of new workspaces at once").isGreaterThanOrEqualTo(2);
    System.out.printf("fifo: %d requests, at most %d Terraform commands and %d applies at once%n", done.size(),
        mostTerraform, mostApplies);
  }

  @Test
  void anApprovalWaitHoldsTheWorkspace() {
    String workspace = "held-prod";
    String first = client.acceptedSlow(workspace, "prod", "first", 0);
    client.awaitStatus(first, "awaiting_approval", Duration.ofSeconds(60));
    String second = client.acceptedSlow(workspace, "prod", "second", 0);
    PaveProcess.sleep(3_000);
    assertThat(client.get(second).get("status").asText()).as("waits behind the approval").isEqualTo("queued");
    assertThat(client.get(first).get("status").asText()).isEqualTo("awaiting_approval");

    client.approve(first);
    assertThat(client.awaitTerminal(first, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("succeeded");
    client.awaitStatus(second, "awaiting_approval", Duration.ofSeconds(60));
    client.approve(second);
    JsonNode done = client.awaitTerminal(second, Duration.ofSeconds(60));
    assertThat(done.get("status").asText()).isEqualTo("succeeded");
    RunTimeline.assertOneAtATimeInAcceptedOrder(List.of(RunTimeline.Run.of(client.get(first)), RunTimeline.Run.of(done)),
        List.of(first, second));
    assertThat(marker.labels(workspace)).containsExactly("first", "second");
  }

  private static String labelOf(List<JsonNode> requests, String id) {
    return requests.stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElseThrow()
        .at("/inputs/label").asText();
  }
}
