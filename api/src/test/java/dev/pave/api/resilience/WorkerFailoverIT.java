package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.testserver.TestServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster: one Temporal service and one PostgreSQL that every process reaches over the
 * network, a `pave server` for the API (no worker) and two `pave worker`s, each with a data
 * folder of its own as on separate machines. The worker running an apply is killed with
 * SIGKILL; its heartbeat stops, Temporal hands the step to the other worker after the heartbeat
 * timeout, and that worker, with no working directory for the request, rebuilds one and
 * completes it from the plan stored in PostgreSQL. The killed worker's Terraform finishes on its
 * own, so the apply still happens exactly once.
 */
class WorkerFailoverIT {

  static final Duration READY = Duration.ofSeconds(120);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void whenTheWorkerRunningAnApplyIsKilledTheOtherCompletesTheRequest() {
    MarkerFile marker = new MarkerFile(dir.resolve("applied.log"));
    int temporalPort = FreePorts.pick();
    try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(temporalPort, true);
        ExternalPostgres postgres = new ExternalPostgres(dir.resolve("postgres")).start()) {
      Path config = PaveConfigFile.with(TestCatalog.create(dir.resolve("catalog")))
          .set("database.url", postgres.jdbcUrl())
          .set("database.user", "postgres")
          .set("temporal.target", "127.0.0.1:" + temporalPort)
          // Terraform state in a database of its own, given as Terraform takes it (a libpq URL).
          .set("terraform.stateDatabaseUrl", postgres.createDatabase("pave_state"))
          .set("encryptionKey", newKey())
          .set("audit.signingKey", dev.pave.api.support.AuditSigningKeys.newKey())
          .set("platformInputs", Map.of("server_host", "127.0.0.1", "server_port", postgres.port(),
              "admin_user", "postgres", "marker_file", marker.path().toString()))
          .writeTo(dir.resolve("pave.yml"));
      try (PaveProcess server = PaveProcess.server("server", dir.resolve("server"), config);
          PaveProcess workerA = PaveProcess.worker("worker-a", dir.resolve("worker-a"), config);
          PaveProcess workerB = PaveProcess.worker("worker-b", dir.resolve("worker-b"), config)) {
        server.start();
        server.awaitReady(READY); // migrations first, then the workers start against a ready schema
        workerA.start();
        workerB.start();
        workerA.awaitReady(READY);
        workerB.awaitReady(READY);
        PaveClient client = PaveClient.issueTokens(server.api());

        String slow = client.acceptedSlow("failover-slow", "dev", "once", 8);
        String database = client.acceptedDatabase("failover-db", "failover_db");
        JsonNode applying = awaitApplyStep(client, slow);
        long runningOn = pidOf(lastStep(applying, "apply").get("worker").asText());
        PaveProcess victim = runningOn == workerA.pid() ? workerA : workerB;
        PaveProcess survivor = victim == workerA ? workerB : workerA;
        assertThat(runningOn).as("the apply runs on one of the two workers").isEqualTo(victim.pid());
        PaveProcess.sleep(1_000); // well inside the provisioner's sleep
        Instant killed = Instant.now();
        victim.kill();

        JsonNode done = client.awaitTerminal(slow, Duration.ofSeconds(120));
        assertThat(done.get("status").asText()).as(done + "\n" + survivor.logTail()).isEqualTo("succeeded");
        Duration takeover = Duration.between(killed, Instant.parse(done.get("finishedAt").asText()));
        System.out.printf("failover: killed %s (pid %d) mid-apply; %s finished the request %d s later; steps %s%n",
            victim == workerA ? "worker-a" : "worker-b", victim.pid(),
            survivor == workerA ? "worker-a" : "worker-b", takeover.toSeconds(), steps(done));
        assertThat(pidOf(lastStep(done, "apply").get("worker").asText())).isEqualTo(survivor.pid());
        assertThat(workers(done)).as("steps were run by both workers").hasSize(2);
        assertThat(marker.count("failover-slow", "once")).as("applied exactly once").isEqualTo(1);

        assertThat(postgres.count("pave_state", "SELECT count(*) FROM terraform_state.states WHERE name = 'failover-slow'")).isEqualTo(1);

        JsonNode provisioned = client.awaitTerminal(database, Duration.ofSeconds(120));
        assertThat(provisioned.get("status").asText()).as(provisioned.toString()).isEqualTo("succeeded");
        TargetServer target = new TargetServer("127.0.0.1", postgres.port());
        assertThat(target.databasesNamed("failover_db")).isEqualTo(1);
        assertThat(target.connectAsOwner("failover_db", client.revealPassword("failover-db")))
            .isEqualTo("failover_db_owner");
      }
    }
  }

  private static JsonNode awaitApplyStep(PaveClient client, String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode request = client.get(id);
      if (lastStep(request, "apply") != null) {
        return request;
      }
      PaveProcess.sleep(100);
    }
    throw new AssertionError("no apply step of " + id + ": " + client.get(id));
  }

  private static JsonNode lastStep(JsonNode request, String name) {
    JsonNode found = null;
    for (JsonNode step : request.get("steps")) {
      if (step.get("name").asText().equals(name)) {
        found = step;
      }
    }
    return found;
  }

  private static Set<String> workers(JsonNode request) {
    return StreamSupport.stream(request.get("steps").spliterator(), false)
        .map(s -> s.path("worker").asText("")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
  }

  private static List<String> steps(JsonNode request) {
    return StreamSupport.stream(request.get("steps").spliterator(), false)
        .map(s -> s.get("name").asText() + ":" + s.path("outcome").asText() + "@" + s.path("worker").asText())
        .toList();
  }

  /** The pid in a step's worker field, "host:pid". */
  private static long pidOf(String worker) {
    return Long.parseLong(worker.substring(worker.lastIndexOf(':') + 1));
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
