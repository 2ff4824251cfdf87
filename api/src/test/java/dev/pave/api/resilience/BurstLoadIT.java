package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of requests over many workspaces through HTTP, all at once: every one accepted, every
 * one ends, none lost, none run twice, each workspace's line kept in order; the API's response
 * times under that load are reported. The IT suite runs a small burst (60 over 20 workspaces);
 * bench/load.sh runs the full one (500 over 100) with -Dpave.load.requests and -Dpave.load.workspaces.
 */
class BurstLoadIT {

  static final int REQUESTS = Integer.getInteger("pave.load.requests", 60);
  static final int WORKSPACES = Integer.getInteger("pave.load.workspaces", 20);
  static final int CLIENT_THREADS = Integer.getInteger("pave.load.threads", 16);
  static final int MAX_CONCURRENT_RUNS = Integer.getInteger("pave.load.maxConcurrentRuns", 8);
  static final String PREFIX = "load-";
  static final String AUDIT_APPEND = "pave_audit_append_seconds";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void aBurstIsAllAcceptedAndEveryRequestEndsExactlyOnceInWorkspaceOrder() throws IOException {
    MarkerFile marker = new MarkerFile(dir.resolve("applied.log"));
    int databasePort = FreePorts.pick();
    PaveDatabase database = PaveDatabase.embedded(databasePort, dir.resolve("home"));
    Path config = PaveConfigFile.with(TestCatalog.create(dir.resolve("catalog")))
        .set("embedded.targetPort", FreePorts.pick())
        .set("embedded.databasePort", databasePort)
        .set("temporal.maxConcurrentRuns", MAX_CONCURRENT_RUNS)
        .set("limits.runsPerTeam", 1000) // the burst is one team's on purpose: queueing is tested, not fairness
        .set("database.maxConnections", 32)
        .set("platformInputs", Map.of("marker_file", marker.path().toString()))
        .set("logging.level", "WARN")
        .writeTo(dir.resolve("pave.yml"));
    try (PaveProcess pave = PaveProcess.server("pave", dir.resolve("home"), config)) {
      pave.start().awaitReady(Duration.ofSeconds(120));
      PaveClient client = PaveClient.issueTokens(pave.api());

      // The audit appends of the burst alone: the histogram is read before and after it.
      var auditBefore = HistogramQuantile.buckets(pave.prometheus(), AUDIT_APPEND);
      List<Supplier<HttpApi.Reply>> calls = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String workspace = PREFIX + "%03d".formatted(i % WORKSPACES);
        String label = "n%04d".formatted(i);
        calls.add(() -> client.submitSlow(workspace, "dev", label, 0));
      }
      Latencies posts = new Latencies();
      long started = System.nanoTime();
      List<HttpApi.Reply> replies = Burst.send(calls, CLIENT_THREADS, posts);
      long acceptedMillis = (System.nanoTime() - started) / 1_000_000;
      replies.forEach(r -> assertThat(r.status()).as(r.body().toString()).isEqualTo(202));
      List<String> ids = replies.stream().map(r -> r.body().get("id").asText()).toList();
      assertThat(new HashSet<>(ids)).as("one request per POST").hasSize(REQUESTS);

      // Reads while the burst runs: what a dashboard or a polling CI job sees.
      Latencies reads = new Latencies();
      long deadline = System.nanoTime() + Duration.ofSeconds(120 + 3L * REQUESTS).toNanos();
      while (database.unfinished(PREFIX) > 0) {
        assertThat(System.nanoTime()).as("all requests ended in time").isLessThan(deadline);
        for (int i = 0; i < 10; i++) {
          String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
          long t = System.nanoTime();
          client.get(id);
          reads.add((System.nanoTime() - t) / 1_000_000);
        }
        PaveProcess.sleep(500);
      }
      long doneMillis = (System.nanoTime() - started) / 1_000_000;

      List<JsonNode> done = ids.stream().map(client::get).toList();
      done.forEach(r -> assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("succeeded"));
      assertThat(database.requestsOn(PREFIX)).as("none duplicated in Pave's tables").hasSize(REQUESTS);
      // Every request applied exactly once: one marker line per label, no other line.
      List<String> lines = marker.lines();
      assertThat(lines).hasSize(REQUESTS);
      assertThat(lines.stream().map(l -> l.substring(l.indexOf(' ') + 1)).collect(Collectors.toSet()))
          .hasSize(REQUESTS);
      // Each workspace's line: one at a time, in accepted order, applied in that order.
      List<RunTimeline.Run> runs = done.stream().map(RunTimeline.Run::of).toList();
      Map<String, List<RunTimeline.Run>> byWorkspace = runs.stream()
          .collect(Collectors.groupingBy(RunTimeline.Run::workspace));
      for (var entry : byWorkspace.entrySet()) {
        List<String> accepted = database.acceptedOrder(entry.getKey());
        RunTimeline.assertOneAtATimeInAcceptedOrder(entry.getValue(), accepted);
        List<String> labels = accepted.stream().map(id -> labelOf(done, id)).toList();
        assertThat(marker.labels(entry.getKey())).as(entry.getKey()).containsExactlyElementsOf(labels);
      }
      assertThat(RunTimeline.workspacesOverlapped(runs)).isEqualTo(WORKSPACES > 1);

      var auditAfter = HistogramQuantile.buckets(pave.prometheus(), AUDIT_APPEND);
      assertThat(auditAfter).as("the audit append histogram is on /prometheus").isNotEmpty();
      double auditAppends = auditAfter.lastEntry().getValue() - auditBefore.getOrDefault(auditAfter.lastKey(), 0.0);
      assertThat(auditAppends).as("every request's moves were audited").isGreaterThanOrEqualTo(REQUESTS);

      String report = """
          burst: %d requests over %d workspaces, %d client threads, maxConcurrentRuns %d
            all accepted in %d ms; all succeeded after %d ms (%.1f requests/min)
            POST /v1/requests      %s
            GET  /v1/requests/{id} %s (while running)
            at most %d Terraform commands at once
            audit append: %.0f appends, p50 %.1f ms, p99 %.1f ms (pave_audit_append_seconds, interpolated in its buckets)
          """.formatted(REQUESTS, WORKSPACES, CLIENT_THREADS, MAX_CONCURRENT_RUNS, acceptedMillis, doneMillis,
          REQUESTS * 60_000.0 / doneMillis, posts, reads, RunTimeline.maxConcurrentTerraform(runs),
          auditAppends, 1000 * HistogramQuantile.between(auditBefore, auditAfter, 0.5),
          1000 * HistogramQuantile.between(auditBefore, auditAfter, 0.99));
      System.out.print(report);
      Files.writeString(Path.of("target", "burst-load-report.txt"), report);
    }
  }

  private static String labelOf(List<JsonNode> requests, String id) {
    return requests.stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElseThrow()
        .at("/inputs/label").asText();
  }
}
