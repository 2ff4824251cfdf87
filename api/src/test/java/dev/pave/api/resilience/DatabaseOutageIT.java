package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pave's PostgreSQL (tables and Terraform state) goes away for 30 seconds while requests are
 * queued, planning, applying and awaiting approval. Meanwhile the API says so (503, a clear
 * message, health "unreachable") instead of failing obscurely, the workflows retry instead of
 * failing, and once the database is back every accepted request completes.
 */
class DatabaseOutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void duringAnOutageTheApiAnswers503AndAfterItEveryAcceptedRequestCompletes() {
    MarkerFile marker = new MarkerFile(dir.resolve("applied.log"));
    ExternalPostgres postgres = new ExternalPostgres(dir.resolve("postgres")).start();
    Path config = PaveConfigFile.with(TestCatalog.create(dir.resolve("catalog")))
        .set("database.url", postgres.jdbcUrl())
        .set("database.user", "postgres")
        .set("encryptionKey", newKey())
        .set("audit.signingKey", dev.pave.api.support.AuditSigningKeys.newKey())
        .set("platformInputs", Map.of("marker_file", marker.path().toString()))
        .writeTo(dir.resolve("pave.yml"));
    try (postgres; PaveProcess pave = PaveProcess.server("pave", dir.resolve("home"), config)) {
      pave.start().awaitReady(Duration.ofSeconds(120));
      PaveClient client = PaveClient.issueTokens(pave.api());
      HttpApi api = pave.api();

      String awaitingApproval = client.acceptedSlow("outage-prod", "prod", "approved-after", 0);
      client.awaitStatus(awaitingApproval, "awaiting_approval", Duration.ofSeconds(60));
      String applying = client.acceptedSlow("outage-a", "dev", "mid-apply", 5);
      String queued = client.acceptedSlow("outage-a", "dev", "queued-behind", 0);
      String other = client.acceptedSlow("outage-b", "dev", "elsewhere", 3);
      awaitStep(client, applying, "apply");
      PaveProcess.sleep(1_500); // inside the provisioner's sleep: Terraform holds the state lock

      Instant down = Instant.now();
      postgres.stop();
      HttpApi.Reply write = client.submitSlow("outage-c", "dev", "during-outage", 0);
      assertThat(write.status()).as(write.body().toString()).isEqualTo(503);
      assertThat(write.body().get("message").asText()).contains("database is unavailable");
      assertThat(write.header("Retry-After")).isNotBlank();
      HttpApi.Reply read = api.get(client.requester(), "/v1/requests/" + applying);
      assertThat(read.status()).as(read.body().toString()).isEqualTo(503);
      HttpApi.Reply health = api.get(null, "/v1/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.body().at("/checks/database").asText()).isEqualTo("unreachable");
      assertThat(health.body().at("/checks/temporal").asText()).isEqualTo("ok");
      PaveProcess.sleep(Math.max(0, OUTAGE.minus(Duration.between(down, Instant.now())).toMillis()));

      postgres.start();
      awaitHealthy(api);
      List<JsonNode> ended = client.awaitAll(List.of(applying, queued, other), Duration.ofSeconds(120), () -> { });
      ended.forEach(r -> assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("succeeded"));
      assertThat(client.get(awaitingApproval).get("status").asText()).isEqualTo("awaiting_approval");
      client.approve(awaitingApproval);
      assertThat(client.awaitTerminal(awaitingApproval, Duration.ofSeconds(60)).get("status").asText())
          .isEqualTo("succeeded");
      String after = client.acceptedSlow("outage-c", "dev", "after-outage", 0);
      assertThat(client.awaitTerminal(after, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("succeeded");

      System.out.println("outage: steps of the request applying when the database went away: "
          + steps(client.get(applying)) + "; marker: " + marker.lines());
      assertThat(marker.labels("outage-a")).containsSubsequence("mid-apply", "queued-behind");
      // Applies that ran into the outage while saving their state ran again (Terraform's
      // errored.tfstate is not pushed back yet: see docs/operations.md); every other one ran once.
      assertThat(marker.count("outage-a", "mid-apply")).isBetween(1L, 2L);
      assertThat(marker.count("outage-b", "elsewhere")).isBetween(1L, 2L);
      assertThat(marker.count("outage-a", "queued-behind")).isEqualTo(1);
      assertThat(marker.count("outage-prod", "approved-after")).isEqualTo(1);
      assertThat(marker.count("outage-c", "after-outage")).isEqualTo(1);
      assertThat(marker.count("outage-c", "during-outage")).as("refused with 503, so never run").isZero();
    }
  }

  private static void awaitStep(PaveClient client, String id, String step) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (steps(client.get(id)).stream().anyMatch(s -> s.startsWith(step + ":"))) {
        return;
      }
      PaveProcess.sleep(100);
    }
    throw new AssertionError(id + " never reached " + step + ": " + client.get(id));
  }

  private static void awaitHealthy(HttpApi api) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (api.get(null, "/v1/health").status() != 200) {
      assertThat(System.nanoTime()).as("healthy again after the outage").isLessThan(deadline);
      PaveProcess.sleep(250);
    }
  }

  private static List<String> steps(JsonNode request) {
    return StreamSupport.stream(request.get("steps").spliterator(), false)
        .map(s -> s.get("name").asText() + ":" + s.path("outcome").asText()).toList();
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
