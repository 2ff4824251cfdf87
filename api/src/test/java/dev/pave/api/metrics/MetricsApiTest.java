package dev.pave.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/metrics against the twelve requests of {@link KnownRequests}, every number worked out
 * by hand in the comments. Window: W1 and W2 (2026-11-02 to 2026-11-16); R1 to R8 ended in it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsApiTest {

  static final MetricsTestApp TEST = new MetricsTestApp();
  static final DropwizardAppExtension<PaveConfiguration> APP = TEST.app;
  static final String WINDOW = "?since=" + KnownRequests.SINCE + "&until=" + KnownRequests.UNTIL;
  static HttpApi api;
  static String payments;
  static String auditor;

  @BeforeAll
  static void seed() throws Exception {
    api = new HttpApi(APP.getLocalPort());
    payments = issue("ci-payments", "payments", "requester");
    auditor = issue("audit", "compliance", "auditor");
    try (Connection db = TEST.connect()) {
      KnownRequests.write(db);
    }
  }

  static String issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  static JsonNode metrics(String token, String query) {
    HttpApi.Reply reply = api.get(token, "/v1/metrics" + query);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body();
  }

  @Test
  void leadTimeOfTheSucceededRequestsSplitIntoQueueMachineHuman() {
    JsonNode lead = metrics(auditor, WINDOW).get("leadTime");
    // Succeeded in the window: R3 5 000, R1 11 000, R2 75 000 (nearest rank: p50 is the 2nd, p90 and p99 the 3rd).
    assertThat(lead.get("count").asLong()).isEqualTo(3);
    assertThat(lead.get("p50Ms").asLong()).isEqualTo(11000);
    assertThat(lead.get("p90Ms").asLong()).isEqualTo(75000);
    assertThat(lead.get("p99Ms").asLong()).isEqualTo(75000);
    assertThat(lead.get("meanMs").asLong()).isEqualTo(30333);        // 91 000 / 3
    assertThat(lead.get("queueMs").asLong()).isEqualTo(1167);        // (1 000 + 2 000 + 500) / 3
    assertThat(lead.get("machineMs").asLong()).isEqualTo(9000);      // (9 500 + 13 000 + 4 500) / 3
    assertThat(lead.get("humanMs").asLong()).isEqualTo(20000);       // R2's 60 000 approval / 3
    assertThat(lead.get("otherMs").asLong()).isEqualTo(166);         // R1's 500 gap / 3, after rounding
    JsonNode steps = lead.get("machineByStepMs");
    assertThat(steps.get("init").asLong()).isEqualTo(1667);          // (2 000 + 2 000 + 1 000) / 3
    assertThat(steps.get("plan").asLong()).isEqualTo(2833);          // (3 000 + 4 000 + 1 500) / 3
    assertThat(steps.get("policy").asLong()).isEqualTo(500);         // (500 + 1 000 + 0) / 3
    assertThat(steps.get("apply").asLong()).isEqualTo(4000);         // (4 000 + 6 000 + 2 000) / 3
  }

  @Test
  void selfServiceOutcomesAndChangeFailureRate() {
    JsonNode body = metrics(auditor, WINDOW);
    // Succeeded with no human step: R1, R3. Ended: R1..R8, less R6 (cancelled by its requester).
    assertRate(body.get("selfServiceRate"), 2, 7);
    assertThat(body.get("outcomes")).isEqualTo(json(Map.of("succeeded", 3, "failed", 2, "denied", 0,
        "rejected", 1, "cancelled", 2, "expired", 0)));
    // Applies ran: R1, R2, R3, R4; R4's failed.
    assertRate(body.get("changeFailureRate"), 1, 4);
    assertThat(body.get("inProgress").asLong()).isEqualTo(3); // R9, R11, R12
  }

  @Test
  void adoptionPerModuleAndTeam() {
    JsonNode adoption = metrics(auditor, WINDOW).get("adoption");
    // Accepted in the window: R1..R9, R11, R12. Live now: orders-db, prod-db, search-bucket.
    assertThat(adoption.get("requests").asLong()).isEqualTo(11);
    assertThat(adoption.get("teams").asLong()).isEqualTo(2);
    assertThat(adoption.get("modules").asLong()).isEqualTo(2);
    assertThat(adoption.get("liveWorkspaces").asLong()).isEqualTo(3);
    assertThat(adoption.get("byModule")).isEqualTo(json(List.of(
        Map.of("name", "postgres-database", "requests", 7, "liveWorkspaces", 2),
        Map.of("name", "object-store", "requests", 4, "liveWorkspaces", 1))));
    assertThat(adoption.get("byTeam")).isEqualTo(json(List.of(
        Map.of("name", "payments", "requests", 7, "liveWorkspaces", 2),
        Map.of("name", "search", "requests", 4, "liveWorkspaces", 1))));
  }

  @Test
  void weeklySeries() {
    JsonNode weekly = metrics(auditor, WINDOW).get("weekly");
    assertThat(weekly).hasSize(2);
    JsonNode w1 = weekly.get(0);
    assertThat(w1.get("weekStart").asText()).isEqualTo("2026-11-02T00:00:00Z");
    // Ended in W1: R1, R2 (succeeded), R5 (failed), R6 (cancelled by its requester).
    assertThat(w1.get("leadTime")).isEqualTo(json(Map.of("count", 2, "p50Ms", 11000, "p90Ms", 75000,
        "p99Ms", 75000, "meanMs", 43000)));
    assertRate(w1.get("selfServiceRate"), 1, 3);
    assertRate(w1.get("changeFailureRate"), 0, 2);
    assertThat(w1.at("/outcomes/succeeded").asLong()).isEqualTo(2);
    assertThat(w1.at("/outcomes/failed").asLong()).isEqualTo(1);
    assertThat(w1.at("/outcomes/cancelled").asLong()).isEqualTo(1);
    assertThat(w1.get("requests").asLong()).isEqualTo(4);       // R1, R2, R5, R6
    assertThat(w1.get("teams").asLong()).isEqualTo(2);
    assertThat(w1.get("liveWorkspaces").asLong()).isEqualTo(2); // orders-db, prod-db; old-db destroyed on Nov 5
    JsonNode w2 = weekly.get(1);
    assertThat(w2.get("weekStart").asText()).isEqualTo("2026-11-09T00:00:00Z");
    // Ended in W2: R3 (succeeded), R4 (failed apply), R7 (cancelled by an admin), R8 (rejected).
    assertThat(w2.get("leadTime")).isEqualTo(json(Map.of("count", 1, "p50Ms", 5000, "p90Ms", 5000,
        "p99Ms", 5000, "meanMs", 5000)));
    assertRate(w2.get("selfServiceRate"), 1, 4);
    assertRate(w2.get("changeFailureRate"), 1, 2);
    assertThat(w2.get("requests").asLong()).isEqualTo(7);       // R3, R4, R7, R8, R9, R11, R12
    assertThat(w2.get("liveWorkspaces").asLong()).isEqualTo(3);
  }

  @Test
  void leadTimePerGoldenPath() {
    JsonNode byModule = metrics(auditor, WINDOW).get("leadTimeByModule");
    JsonNode postgres = byModule.get("postgres-database"); // R1, R2
    assertThat(postgres.get("count").asLong()).isEqualTo(2);
    assertThat(postgres.get("meanMs").asLong()).isEqualTo(43000);
    assertThat(postgres.get("queueMs").asLong()).isEqualTo(1500);
    assertThat(postgres.get("machineMs").asLong()).isEqualTo(11250);
    assertThat(postgres.get("humanMs").asLong()).isEqualTo(30000);
    assertThat(postgres.get("otherMs").asLong()).isEqualTo(250);
    assertThat(byModule.get("object-store").get("p50Ms").asLong()).isEqualTo(5000); // R3
  }

  @Test
  void filtersNarrowEveryNumber() {
    JsonNode store = metrics(auditor, WINDOW + "&module=object-store");
    // Ended: R3 (succeeded), R4 (failed apply), R7 (cancelled by an admin).
    assertThat(store.at("/leadTime/count").asLong()).isEqualTo(1);
    assertRate(store.get("selfServiceRate"), 1, 3);
    assertRate(store.get("changeFailureRate"), 1, 2);
    assertThat(store.at("/adoption/requests").asLong()).isEqualTo(4);
    JsonNode prod = metrics(auditor, WINDOW + "&environment=prod");
    // Ended: R2 (succeeded after an approval), R8 (rejected).
    assertThat(prod.at("/leadTime/p50Ms").asLong()).isEqualTo(75000);
    assertRate(prod.get("selfServiceRate"), 0, 2);
    assertThat(prod.at("/adoption/liveWorkspaces").asLong()).isEqualTo(1);
    assertThat(prod.at("/window/environment").asText()).isEqualTo("prod");
  }

  @Test
  void aRequesterSeesOnlyItsOwnTeam() {
    JsonNode own = metrics(payments, WINDOW);
    // Payments ended: R1, R2 (succeeded), R4 (failed apply), R6 (self-cancelled), R8 (rejected).
    assertThat(own.at("/leadTime/count").asLong()).isEqualTo(2);
    assertThat(own.at("/leadTime/p50Ms").asLong()).isEqualTo(11000);
    assertRate(own.get("selfServiceRate"), 1, 4);
    assertRate(own.get("changeFailureRate"), 1, 3);
    assertThat(own.at("/adoption/requests").asLong()).isEqualTo(7);
    assertThat(own.at("/adoption/byTeam")).hasSize(1);
    assertThat(own.at("/adoption/byTeam/0/name").asText()).isEqualTo("payments");
    assertThat(own.at("/adoption/liveWorkspaces").asLong()).isEqualTo(2);

    // Another team's numbers, as seen from payments: nothing, and nothing that tells it exists.
    JsonNode other = metrics(payments, WINDOW + "&team=search");
    assertThat(other.at("/leadTime/count").asLong()).isZero();
    assertThat(other.at("/leadTime/p50Ms").isNull()).isTrue();
    assertThat(other.at("/selfServiceRate/value").isNull()).isTrue();
    assertThat(other.at("/adoption/requests").asLong()).isZero();
    assertThat(other.at("/adoption/byModule")).isEmpty();
    assertThat(other.at("/adoption/liveWorkspaces").asLong()).isZero();
  }

  @Test
  void definitionsTravelWithTheNumbers() {
    JsonNode body = metrics(auditor, WINDOW);
    assertThat(fieldNames(body)).startsWith("leadTime", "selfServiceRate", "outcomes", "adoption",
        "changeFailureRate", "weekly");
    assertThat(body.at("/definitions/selfServiceRate").asText()).contains("cancelled by their own requester");
    assertThat(body.at("/definitions/leadTime").asText()).contains("nearest-rank");
  }

  @Test
  void theDefaultWindowIsTheLast30Days() {
    JsonNode window = metrics(auditor, "").get("window");
    Instant until = Instant.parse(window.get("until").asText());
    assertThat(Duration.between(until, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(Instant.parse(window.get("since").asText())).isEqualTo(until.minus(Duration.ofDays(30)));
  }

  @Test
  void badParametersAre422NamingTheField() {
    assertInvalid("?since=yesterday", "since");
    assertInvalid("?until=2026-13-40T00:00:00Z", "until");
    assertInvalid("?since=2026-11-16T00:00:00Z&until=2026-11-02T00:00:00Z", "since");
    assertInvalid("?since=2020-01-01T00:00:00Z&until=2026-01-01T00:00:00Z", "since");
    assertInvalid("?limit=0", "limit");
    assertInvalid("?limit=many", "limit");
  }

  @Test
  void aWriteThatCommitsLateIsStillCounted() throws Exception {
    // A opens first and commits last; B commits in between and is read first. A reader that only
    // remembered "the newest change seen" would skip A forever; the xmin watermark re-reads it.
    // (No steps: two open transactions observing the same histogram row would wait on each other.)
    String march = "?since=2025-03-03T00:00:00Z&until=2025-03-10T00:00:00Z";
    try (Connection a = TEST.connect(); Connection b = TEST.connect()) {
      a.setAutoCommit(false);
      SeededRequest.request("req_late_a").at("2025-03-04T10:00:00Z").write(a, "queued");
      b.setAutoCommit(false);
      SeededRequest.request("req_late_b").at("2025-03-04T11:00:00Z").write(b, "queued");
      b.commit();
      assertThat(metrics(auditor, march).at("/adoption/requests").asLong()).isEqualTo(1);
      a.commit();
    }
    assertThat(metrics(auditor, march).at("/adoption/requests").asLong()).isEqualTo(2);
  }

  @Test
  void aTokenIsRequired() {
    assertThat(api.get(null, "/v1/metrics").status()).isEqualTo(401);
  }

  private static void assertInvalid(String query, String field) {
    HttpApi.Reply reply = api.get(auditor, "/v1/metrics" + query);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(422);
    assertThat(reply.body().at("/errors/0/field").asText()).isEqualTo(field);
  }

  private static void assertRate(JsonNode rate, long numerator, long denominator) {
    assertThat(rate.get("numerator").asLong()).isEqualTo(numerator);
    assertThat(rate.get("denominator").asLong()).isEqualTo(denominator);
    assertThat(rate.get("value").asDouble()).isEqualTo(numerator / (double) denominator);
  }

  private static JsonNode json(Object value) {
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value);
  }

  private static List<String> fieldNames(JsonNode node) {
    return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
  }
}
