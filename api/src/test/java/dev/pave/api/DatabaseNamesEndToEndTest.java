package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database name on a target server belongs to one workspace (issue 9, findings 3 and 11),
 * through real HTTP, the real workflow, Terraform and the embedded target server.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseNamesEndToEndTest {

  // The races leave each round's winner running while the next round starts: not a test of the
  // per-team run limit.
  static final DropwizardAppExtension<PaveConfiguration> APP =
      PaveTestApp.embedded(ConfigOverride.config("limits.runsPerTeam", "1000"));
  static HttpApi api;
  static String payments;
  static String paymentsAgain;
  static String search;

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    payments = issue("ci-payments", "payments");
    paymentsAgain = issue("ci-payments-2", "payments");
    search = issue("ci-search", "search");
  }

  @Test
  void twoTeamsRacingForOneNameNeverBothGetIt() throws Exception {
    List<String> winners = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int round = i;
      String db = "race_db_" + round;
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<HttpApi.Reply> fromPayments = CompletableFuture.supplyAsync(
          () -> postAfter(together, payments, "race-p-" + round, db));
      HttpApi.Reply fromSearch = postAfter(together, search, "race-s-" + round, db);
      HttpApi.Reply paymentsReply = fromPayments.get();

      List<HttpApi.Reply> replies = List.of(paymentsReply, fromSearch);
      assertThat(replies).as("round %d: exactly one is accepted", round)
          .filteredOn(r -> r.status() == 202).hasSize(1);
      HttpApi.Reply refused = replies.stream().filter(r -> r.status() != 202).findFirst().orElseThrow();
      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
      assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("inputs.database_name");
      assertThat(refused.body().toString()).doesNotContain("payments").doesNotContain("search")
          .doesNotContain("race-p-").doesNotContain("race-s-");

      boolean paymentsWon = paymentsReply.status() == 202;
      String winnerToken = paymentsWon ? payments : search;
      String winnerWorkspace = (paymentsWon ? "race-p-" : "race-s-") + round;
      String loserToken = paymentsWon ? search : payments;
      String loserWorkspace = (paymentsWon ? "race-s-" : "race-p-") + round;
      winners.add(winnerToken + " " + winnerWorkspace + " " + (paymentsWon ? paymentsReply : fromSearch).body().get("id").asText());

      // The loser's team destroys its workspace, which never got anything: refused, nothing dropped.
      HttpApi.Reply destroy = api.post(loserToken, "/v1/requests", Map.of("module", "postgres-database",
          "workspace", loserWorkspace, "environment", "dev", "action", "destroy", "inputs", Map.of("database_name", db)));
      assertThat(destroy.status()).as(destroy.body().toString()).isEqualTo(422);
    }
    for (int round = 0; round < winners.size(); round++) {
      String[] winner = winners.get(round).split(" ");
      JsonNode done = api.awaitTerminal(winner[0], winner[2], Duration.ofSeconds(180));
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
      try (Connection owner = connectAsOwner(winner[0], winner[1])) {
        assertThat(owner.isValid(5)).as("round %d: the winner's database is there and answers", round).isTrue();
      }
    }
  }

  @Test
  void twoTeamsRacingForOneWorkspaceNameNeverBothGetIt() throws Exception {
    List<String[]> winners = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int round = i;
      String workspace = "race-ws-" + round;
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<HttpApi.Reply> fromPayments = CompletableFuture.supplyAsync(
          () -> postAfter(together, payments, workspace, "ws_race_p_" + round));
      HttpApi.Reply fromSearch = postAfter(together, search, workspace, "ws_race_s_" + round);
      HttpApi.Reply paymentsReply = fromPayments.get();

      assertThat(List.of(paymentsReply, fromSearch)).as("round %d: exactly one team gets the workspace", round)
          .filteredOn(r -> r.status() == 202).hasSize(1);
      HttpApi.Reply refused = paymentsReply.status() == 202 ? fromSearch : paymentsReply;
      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
      assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("workspace");
      assertThat(refused.body().at("/errors/0/message").asText()).isEqualTo("is taken; choose another name");
      HttpApi.Reply accepted = paymentsReply.status() == 202 ? paymentsReply : fromSearch;
      winners.add(new String[] {paymentsReply.status() == 202 ? payments : search, accepted.body().get("id").asText()});
    }
    for (String[] winner : winners) {
      JsonNode done = api.awaitTerminal(winner[0], winner[1], Duration.ofSeconds(180));
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    }
  }

  @Test
  void aTakenNameGetsTheSameAnswerWhoeverHoldsIt() {
    HttpApi.Reply first = api.post(payments, "/v1/requests", apply("billing-a", "billing"));
    assertThat(first.status()).as(first.body().toString()).isEqualTo(202);

    HttpApi.Reply ownOtherWorkspace = api.post(paymentsAgain, "/v1/requests", apply("billing-b", "billing"));
    HttpApi.Reply otherTeam = api.post(search, "/v1/requests", apply("billing-c", "billing"));
    assertThat(ownOtherWorkspace.status()).isEqualTo(422);
    assertThat(otherTeam.status()).isEqualTo(422);
    assertThat(otherTeam.body()).as("nothing tells another team's name from the caller's own").isEqualTo(ownOtherWorkspace.body());
    assertThat(otherTeam.body().get("message").asText()).doesNotContain("team").doesNotContain("billing-a");

    HttpApi.Reply sameWorkspaceName = api.post(search, "/v1/requests", apply("billing-a", "search_billing"));
    assertThat(sameWorkspaceName.status()).isEqualTo(422);
    assertThat(sameWorkspaceName.body().at("/errors/0/field").asText()).isEqualTo("workspace");
    assertThat(sameWorkspaceName.body().toString()).doesNotContain("team").doesNotContain("payments");

    JsonNode done = api.awaitTerminal(payments, first.body().get("id").asText(), Duration.ofSeconds(120));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    HttpApi.Reply again = api.post(payments, "/v1/requests", apply("billing-a", "billing"));
    assertThat(again.status()).as("the same workspace keeps its name: " + again.body()).isEqualTo(202);
    api.awaitTerminal(payments, again.body().get("id").asText(), Duration.ofSeconds(120));

    // Destroyed, the name is free again, for anyone.
    String destroy = api.post(payments, "/v1/requests", Map.of("module", "postgres-database", "workspace", "billing-a",
        "environment", "dev", "action", "destroy")).body().get("id").asText();
    assertThat(api.awaitTerminal(payments, destroy, Duration.ofSeconds(120)).get("status").asText()).isEqualTo("succeeded");
    HttpApi.Reply afterDestroy = api.post(search, "/v1/requests", apply("billing-c", "billing"));
    assertThat(afterDestroy.status()).as(afterDestroy.body().toString()).isEqualTo(202);
    assertThat(api.awaitTerminal(search, afterDestroy.body().get("id").asText(), Duration.ofSeconds(120))
        .get("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void aNameRefusedByPolicyIsFreeAgain() {
    // No ttlHours outside prod: the shipped nonprod-ttl policy refuses it at the POST, before any name is taken.
    HttpApi.Reply denied = api.post(payments, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "denied-ws", "environment", "dev", "inputs", Map.of("database_name", "denied_db")));
    assertThat(denied.status()).as(denied.body().toString()).isEqualTo(422);
    assertThat(denied.body().at("/errors/0/policy").asText()).isEqualTo("nonprod-ttl");
    HttpApi.Reply other = api.post(search, "/v1/requests", apply("denied-other", "denied_db"));
    assertThat(other.status()).as(other.body().toString()).isEqualTo(202);
    api.awaitTerminal(search, other.body().get("id").asText(), Duration.ofSeconds(120));
  }

  @Test
  void aFailedFirstCreateCanBeRetriedAndDestroyed() {
    // "postgres" exists on every server and is nobody's workspace's: the create fails after it began.
    String first = api.post(payments, "/v1/requests", apply("unlucky", "postgres")).body().get("id").asText();
    JsonNode failed = api.awaitTerminal(payments, first, Duration.ofSeconds(120));
    assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).contains("database_name \"postgres\" is not available on this server")
        .doesNotContain("postgres_owner").doesNotContain("pave-workspace:");
    assertThat(api.get(payments, "/v1/workspaces/unlucky").body().get("status").asText()).isEqualTo("failed");

    // The retry is planned as a replace of the tainted database, which no policy denies.
    String retry = api.post(payments, "/v1/requests", apply("unlucky", "postgres")).body().get("id").asText();
    JsonNode retried = api.awaitTerminal(payments, retry, Duration.ofSeconds(120));
    assertThat(retried.get("status").asText()).as(retried.toString()).isEqualTo("failed");
    assertThat(retried.get("error").asText()).contains("is not available on this server");
    assertThat(retried.toString()).doesNotContain("deletes or replaces a database");

    HttpApi.Reply destroy = api.post(payments, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "unlucky", "environment", "dev", "action", "destroy"));
    assertThat(destroy.status()).as(destroy.body().toString()).isEqualTo(202);
    JsonNode destroyed = api.awaitTerminal(payments, destroy.body().get("id").asText(), Duration.ofSeconds(120));
    assertThat(destroyed.get("status").asText()).as(destroyed.toString()).isEqualTo("succeeded");
    assertThat(api.get(payments, "/v1/workspaces/unlucky").body().get("status").asText()).isEqualTo("destroyed");
  }

  private static HttpApi.Reply postAfter(CyclicBarrier together, String token, String workspace, String db) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return api.post(token, "/v1/requests", apply(workspace, db));
  }

  private static Map<String, Object> apply(String workspace, String db) {
    return Map.of("module", "postgres-database", "workspace", workspace, "environment", "dev", "ttlHours", 24,
        "inputs", Map.of("database_name", db));
  }

  private static Connection connectAsOwner(String token, String workspace) throws SQLException {
    HttpApi.Reply reply = api.get(token, "/v1/workspaces/" + workspace + "/outputs?reveal=true");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    JsonNode out = reply.body();
    return DriverManager.getConnection("jdbc:postgresql://" + out.get("host").asText() + ":" + out.get("port").asInt()
        + "/" + out.get("database").asText(), out.get("username").asText(), out.get("password").asText());
  }

  private static String issue(String name, String team) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", "requester"));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    return reply.body().get("token").asText();
  }
}
