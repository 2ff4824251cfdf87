package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Identity is the token (its subject), never its name: names repeat across teams, so every
 * attack here uses a second token that merely shares a name with the victim's.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IdentityIsTheSubjectTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final Duration WAIT = Duration.ofSeconds(90);
  static HttpApi api;
  static String sam; // requester "sam" of team payments: the victim in every test

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    sam = issue("sam", "payments", "requester");
  }

  @Test
  void anAuditorNamedLikeTheRequesterCannotCancelItsRequest() {
    String id = awaitingApproval(sam, "ledger-prod", "ledger_prod", null);
    String auditorSam = issue("sam", "audit", "auditor");

    HttpApi.Reply cancel = api.post(auditorSam, "/v1/requests/" + id + "/cancel", Map.of());

    assertThat(cancel.status()).as(cancel.raw().body()).isEqualTo(403);
    assertThat(cancel.body().get("message").asText()).contains("auditors");
    JsonNode after = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests/" + id).body();
    assertThat(after.get("status").asText()).isEqualTo("awaiting_approval");
    assertThat(after.get("error").isNull()).isTrue();
    // The requester's own token still can.
    assertThat(api.post(sam, "/v1/requests/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
    assertThat(api.awaitTerminal(sam, id, WAIT).get("status").asText()).isEqualTo("cancelled");
  }

  @Test
  void aRequesterOfAnotherTeamNamedAlikeNeverGetsTheRequestOfAnIdempotencyKey() {
    String id = awaitingApproval(sam, "wallet-prod", "wallet_prod", "deploy-42");
    String billingSam = issue("sam", "billing", "requester");

    for (String body : new String[] {prodRequest("wallet-prod", "wallet_prod"), prodRequest("wallet-prod", "other_db")}) {
      HttpApi.Reply replay = api.postRaw(billingSam, "/v1/requests", body, "deploy-42");
      assertThat(replay.raw().body()).as("the other team's request must not leak").doesNotContain(id);
      if (replay.status() / 100 == 2) {
        assertThat(replay.body().get("team").asText()).isEqualTo("billing");
        assertThat(replay.header("Idempotent-Replayed")).isNull();
        cancelQuietly(billingSam, replay.body().get("id").asText());
      }
    }
    // The key still replays for its own caller.
    HttpApi.Reply own = api.postRaw(sam, "/v1/requests", prodRequest("wallet-prod", "wallet_prod"), "deploy-42");
    assertThat(own.body().get("id").asText()).isEqualTo(id);
    cancelQuietly(sam, id);
  }

  @Test
  void anApproverNamedLikeTheRequesterIsNotTheRequester() {
    String id = awaitingApproval(sam, "audit-prod", "audit_prod", null);
    String approverSam = issue("sam", "platform", "approver"); // another person (another token) called sam

    HttpApi.Reply decided = api.post(approverSam, "/v1/requests/" + id + "/approval", Map.of("decision", "reject"));

    assertThat(decided.status()).as(decided.raw().body()).isEqualTo(200);
    assertThat(api.awaitTerminal(sam, id, WAIT).get("status").asText()).isEqualTo("rejected");
  }

  @Test
  void theRequestersOwnTokenNeverApprovesItsRequest() {
    String admin2 = issue("root", "platform", "admin"); // admins may both ask and decide
    String id = awaitingApproval(admin2, "root-prod", "root_prod", null);

    HttpApi.Reply own = api.post(admin2, "/v1/requests/" + id + "/approval", Map.of("decision", "approve"));

    assertThat(own.status()).isEqualTo(403);
    assertThat(own.body().get("message").asText()).contains("own request");
    assertThat(api.get(admin2, "/v1/requests/" + id).body().get("status").asText()).isEqualTo("awaiting_approval");
    cancelQuietly(admin2, id);
  }

  @Test
  void aCancelByAnAdminNamedLikeTheRequesterIsNotASelfCancel() {
    String teller = issue("tess", "tellers", "requester");
    String adminTess = issue("tess", "platform", "admin");
    String selfCancelled = awaitingApproval(teller, "till-prod", "till_prod", null);
    String adminCancelled = awaitingApproval(teller, "vault-prod", "vault_prod", null);

    assertThat(api.post(teller, "/v1/requests/" + selfCancelled + "/cancel", Map.of()).status()).isEqualTo(200);
    assertThat(api.post(adminTess, "/v1/requests/" + adminCancelled + "/cancel", Map.of()).status()).isEqualTo(200);
    api.awaitTerminal(teller, selfCancelled, WAIT);
    api.awaitTerminal(teller, adminCancelled, WAIT);

    // Only the admin's cancel counts against the team's self-service rate.
    Instant deadline = Instant.now().plusSeconds(30);
    JsonNode rate;
    do {
      rate = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/metrics?team=tellers").body().get("selfServiceRate");
    } while (rate.get("denominator").asInt() != 1 && Instant.now().isBefore(deadline) && pause());
    assertThat(rate.get("denominator").asInt()).as(rate.toString()).isEqualTo(1);
    assertThat(rate.get("numerator").asInt()).isZero();
  }

  @Test
  void tokenNamesAreUniqueWithinATeam() {
    HttpApi.Reply first = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-orders", "team", "orders", "role", "requester"));
    assertThat(first.status()).isEqualTo(201);

    HttpApi.Reply again = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-orders", "team", "orders", "role", "approver"));
    assertThat(again.status()).as(again.raw().body()).isEqualTo(409);
    assertThat(again.body().at("/errors/0/field").asText()).isEqualTo("name");
    assertThat(again.raw().body()).doesNotContain("pave_");

    assertThat(api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-orders", "team", "refunds", "role", "requester")).status()).isEqualTo(201);
    // A revoked token frees its name (its records keep its id).
    assertThat(api.delete(PaveTestApp.ADMIN_TOKEN, "/v1/tokens/" + first.body().get("id").asText()).status() / 100)
        .isEqualTo(2);
    assertThat(api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-orders", "team", "orders", "role", "requester")).status()).isEqualTo(201);
  }

  @Test
  void aTokenCannotBeNamedLikePavesOwnActor() {
    // Steps by "system" count as machine time in the metrics: a person must not pass as it.
    HttpApi.Reply system = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "system", "team", "orders", "role", "approver"));
    assertThat(system.status()).isEqualTo(422);
    assertThat(system.body().at("/errors/0/field").asText()).isEqualTo("name");
  }

  /** A prod request (the shipped policies hold it for an approver), waited for until it is held. */
  private static String awaitingApproval(String token, String workspace, String database, String idempotencyKey) {
    HttpApi.Reply accepted = api.postRaw(token, "/v1/requests", prodRequest(workspace, database), idempotencyKey);
    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    api.awaitStatus(token, id, "awaiting_approval", WAIT);
    return id;
  }

  private static String prodRequest(String workspace, String database) {
    return "{\"module\": \"postgres-database\", \"workspace\": \"" + workspace + "\", \"environment\": \"prod\","
        + " \"inputs\": {\"database_name\": \"" + database + "\"}}";
  }

  private static void cancelQuietly(String token, String id) {
    api.post(token, "/v1/requests/" + id + "/cancel", Map.of());
  }

  private static String issue(String name, String team, String role) {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.body().get("token").asText();
  }

  private static boolean pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }
}
