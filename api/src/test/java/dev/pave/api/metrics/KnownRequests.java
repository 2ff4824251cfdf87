package dev.pave.api.metrics;

import static dev.pave.api.metrics.SeededRequest.request;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Twelve requests with fixed times, small enough to work every number out by hand (the tests do,
 * in their comments). Weeks: W1 starts Monday 2026-11-02, W2 Monday 2026-11-09.
 */
final class KnownRequests {

  static final String SINCE = "2026-11-02T00:00:00Z";
  static final String UNTIL = "2026-11-16T00:00:00Z";

  private KnownRequests() {}

  static void write(Connection db) throws SQLException {
    // R1, W1: succeeded, no human step; lead 11 000 = 10 500 in steps + 500 between them.
    request("req_r1").by("payments", "postgres-database", "dev").at("2026-11-03T10:00:00Z")
        .step("queue", 1000).step("init", 2000).step("plan", 3000).step("policy", 500).step("apply", 4000)
        .gap(500).write(db, "succeeded");
    // R2, W1: succeeded after alice approved for 60 s; lead 75 000.
    request("req_r2").by("payments", "postgres-database", "prod").at("2026-11-04T09:00:00Z")
        .step("queue", 2000).step("init", 2000).step("plan", 4000).step("policy", 1000)
        .step("approval", 60000, "approved", "alice").step("apply", 6000).write(db, "succeeded");
    // R3, W2: succeeded, no policy step; lead 5 000.
    request("req_r3").by("search", "object-store", "dev").at("2026-11-10T12:00:00Z")
        .step("queue", 500).step("init", 1000).step("plan", 1500).step("apply", 2000).write(db, "succeeded");
    // R4, W2: the apply failed.
    request("req_r4").by("payments", "object-store", "staging").at("2026-11-10T08:00:00Z")
        .step("queue", 1000).step("init", 1000).step("plan", 2000).step("policy", 500)
        .step("apply", 3000, "failed", "system").error("terraform apply failed: <quota exceeded>")
        .write(db, "failed");
    // R5, W1: the plan failed; no apply ran.
    request("req_r5").by("search", "postgres-database", "dev").at("2026-11-05T08:00:00Z")
        .step("queue", 1000).step("init", 1000).step("plan", 1000, "failed", "system")
        .error("terraform plan failed").write(db, "failed");
    // R6, W1: cancelled by its own requester: left out of the self-service denominator.
    request("req_r6").by("payments", "postgres-database", "dev").at("2026-11-06T08:00:00Z")
        .step("queue", 3000).cancelledBy("ci-payments").write(db, "cancelled");
    // R7, W2: cancelled by an admin: counts against self-service.
    request("req_r7").by("search", "object-store", "dev").at("2026-11-11T08:00:00Z")
        .step("queue", 2000).cancelledBy("admin").write(db, "cancelled");
    // R8, W2: bob rejected it after 30 s.
    request("req_r8").by("payments", "postgres-database", "prod").at("2026-11-12T08:00:00Z")
        .step("queue", 1000).step("init", 1000).step("plan", 1000).step("policy", 1000)
        .step("approval", 30000, "rejected", "bob").write(db, "rejected");
    // R9, W2: still applying.
    request("req_r9").by("payments", "object-store", "dev").at("2026-11-13T10:00:00Z")
        .step("queue", 1000).step("init", 1000).step("plan", 1000).step("policy", 500).open("apply")
        .write(db, "applying");
    // R10: succeeded before the window (lead 20 000): only in all-time numbers (Prometheus).
    request("req_r10").by("payments", "postgres-database", "dev").at("2026-10-20T10:00:00Z")
        .step("queue", 1000).step("init", 1000).step("plan", 1000).step("policy", 1000).step("apply", 16000)
        .write(db, "succeeded");
    // R11, W2: waiting for a worker.
    request("req_r11").by("search", "postgres-database", "dev").at("2026-11-14T09:00:00Z")
        .open("queue").write(db, "queued");
    // R12, W2: waiting for an approver.
    request("req_r12").by("payments", "postgres-database", "prod").at("2026-11-15T09:00:00Z")
        .step("queue", 1000).step("init", 1000).step("plan", 1000).step("policy", 1000).open("approval")
        .write(db, "awaiting_approval");

    // Live now: orders-db, prod-db (payments, postgres-database), search-bucket (search, object-store).
    // At the end of W1 (Nov 9): orders-db, prod-db (old-db was destroyed on Nov 5); of W2: all three.
    workspace(db, "orders-db", "payments", "postgres-database", "dev", "live", "2026-11-03T10:00:11Z", "2026-11-03T10:00:11Z");
    workspace(db, "prod-db", "payments", "postgres-database", "prod", "live", "2026-11-04T09:01:15Z", "2026-11-04T09:01:15Z");
    workspace(db, "search-bucket", "search", "object-store", "dev", "live", "2026-11-10T12:00:05Z", "2026-11-10T12:00:05Z");
    workspace(db, "old-db", "payments", "postgres-database", "dev", "destroyed", "2026-10-20T10:00:20Z", "2026-11-05T00:00:00Z");
  }

  static void workspace(Connection db, String name, String team, String module, String environment, String status,
      String createdAt, String updatedAt) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO workspaces (name, module, version, team,"
        + " environment, status, inputs, last_request_id, created_at, updated_at)"
        + " VALUES (?, ?, '1.0.0', ?, ?, ?, '{}', 'req_r1', ?, ?)")) {
      insert.setString(1, name);
      insert.setString(2, module);
      insert.setString(3, team);
      insert.setString(4, environment);
      insert.setString(5, status);
      insert.setTimestamp(6, Timestamp.from(Instant.parse(createdAt)));
      insert.setTimestamp(7, Timestamp.from(Instant.parse(updatedAt)));
      insert.executeUpdate();
    }
  }
}
