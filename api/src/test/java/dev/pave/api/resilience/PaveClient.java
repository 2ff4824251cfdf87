package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A developer (requester) and an approver of another team, talking to one Pave over HTTP. */
record PaveClient(HttpApi api, String requester, String approver) {

  static final Set<String> TERMINAL = Set.of("succeeded", "failed", "denied", "rejected", "cancelled", "expired");

  /** Issues the two tokens with the admin token (once per Pave database). */
  static PaveClient issueTokens(HttpApi api) {
    return new PaveClient(api, issue(api, "ci-resilience", "platform", "requester"), issue(api, "alice", "sre", "approver"));
  }

  /** The same people against another Pave process (after a restart, or another server). */
  PaveClient on(HttpApi other) {
    return new PaveClient(other, requester, approver);
  }

  /** A slow-apply request: its apply sleeps {@code delaySeconds}, then appends "workspace label" to the marker file. */
  HttpApi.Reply submitSlow(String workspace, String environment, String label, int delaySeconds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("module", TestCatalog.SLOW);
    body.put("workspace", workspace);
    body.put("environment", environment);
    if (!environment.equals("prod")) {
      body.put("ttlHours", 24);
    }
    body.put("inputs", Map.of("label", label, "delay_seconds", delaySeconds));
    return api.post(requester, "/v1/requests", body);
  }

  String acceptedSlow(String workspace, String environment, String label, int delaySeconds) {
    return idOf(submitSlow(workspace, environment, label, delaySeconds));
  }

  /** The golden path: a database on the target server. */
  String acceptedDatabase(String workspace, String databaseName) {
    return idOf(api.post(requester, "/v1/requests", Map.of("module", TestCatalog.POSTGRES, "workspace", workspace,
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", databaseName))));
  }

  JsonNode get(String id) {
    HttpApi.Reply reply = api.get(requester, "/v1/requests/" + id);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body();
  }

  JsonNode awaitTerminal(String id, Duration timeout) {
    return api.awaitTerminal(requester, id, timeout);
  }

  JsonNode awaitStatus(String id, String status, Duration timeout) {
    return api.awaitStatus(requester, id, status, timeout);
  }

  /** Polls every request until all are terminal, running {@code meanwhile} on each round. */
  List<JsonNode> awaitAll(List<String> ids, Duration timeout, Runnable meanwhile) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      meanwhile.run();
      List<JsonNode> now = ids.stream().map(this::get).toList();
      List<String> open = now.stream().filter(r -> !TERMINAL.contains(r.get("status").asText()))
          .map(r -> r.get("id").asText() + "=" + r.get("status").asText()).toList();
      if (open.isEmpty()) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(open.size() + " request(s) did not end within " + timeout + ": " + open);
      }
      PaveProcess.sleep(250);
    }
  }

  void approve(String id) {
    HttpApi.Reply reply = api.post(approver, "/v1/requests/" + id + "/approval",
        Map.of("decision", "approve", "comment", "resilience test"));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
  }

  String revealPassword(String workspace) {
    HttpApi.Reply reply = api.get(requester, "/v1/workspaces/" + workspace + "/outputs?reveal=true");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body().get("password").asText();
  }

  private static String idOf(HttpApi.Reply reply) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  private static String issue(HttpApi api, String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveProcess.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    return reply.body().get("token").asText();
  }
}
