package dev.pave.api.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request written the way the workflow writes it: accepted (queued), each step opened then
 * closed, then ended. So the metrics triggers run on the same writes as in production.
 */
public final class SeededRequest {

  private record Step(String name, long ms, String outcome, String actor, boolean open) {}

  private final String id;
  private String team = "payments";
  private String module = "postgres-database";
  private String environment = "dev";
  private Instant createdAt;
  private final List<Step> steps = new ArrayList<>();
  private long gapMs;
  private String cancelledBy;
  private String error;

  private SeededRequest(String id) {
    this.id = id;
  }

  public static SeededRequest request(String id) {
    return new SeededRequest(id);
  }

  public SeededRequest by(String team, String module, String environment) {
    this.team = team;
    this.module = module;
    this.environment = environment;
    return this;
  }

  public SeededRequest at(String createdAt) {
    return at(Instant.parse(createdAt));
  }

  public SeededRequest at(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  public SeededRequest step(String name, long ms) {
    return step(name, ms, "ok", "system");
  }

  public SeededRequest step(String name, long ms, String outcome, String actor) {
    steps.add(new Step(name, ms, outcome, actor, false));
    return this;
  }

  /** A step still running: opened, never closed. */
  public SeededRequest open(String name) {
    steps.add(new Step(name, 0, null, "system", true));
    return this;
  }

  /** Time between the last step and the end (bookkeeping), counted in lead time but in no step. */
  public SeededRequest gap(long ms) {
    this.gapMs = ms;
    return this;
  }

  public SeededRequest cancelledBy(String actor) {
    this.cancelledBy = actor;
    return this;
  }

  public SeededRequest error(String message) {
    this.error = message;
    return this;
  }

  /** Writes the request and ends it with a terminal status, or leaves it in a running one. */
  public void write(Connection db, String status) throws SQLException {
    String who = "ci-" + team; // the requester's token name; its subject is subject(who)
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO requests (id, module, version, workspace,"
        + " environment, team, requester, action, status, inputs, request_hash, created_at, requester_subject)"
        + " VALUES (?, ?, '1.0.0', ?, ?, ?, ?, 'apply', 'queued', '{}', 'seeded', ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, module);
      insert.setString(3, id + "-ws");
      insert.setString(4, environment);
      insert.setString(5, team);
      insert.setString(6, who);
      insert.setTimestamp(7, Timestamp.from(createdAt));
      insert.setString(8, subject(who));
      insert.executeUpdate();
    }
    Instant cursor = createdAt;
    int seq = 0;
    for (Step step : steps) {
      seq++;
      try (PreparedStatement start = db.prepareStatement("INSERT INTO request_steps (request_id, seq, name,"
          + " started_at, actor) VALUES (?, ?, ?, ?, ?)")) {
        start.setString(1, id);
        start.setInt(2, seq);
        start.setString(3, step.name());
        start.setTimestamp(4, Timestamp.from(cursor));
        start.setString(5, step.actor());
        start.executeUpdate();
      }
      if (step.open()) {
        break;
      }
      cursor = cursor.plusMillis(step.ms());
      try (PreparedStatement finish = db.prepareStatement("UPDATE request_steps SET finished_at = ?,"
          + " duration_ms = ?, outcome = ? WHERE request_id = ? AND seq = ?")) {
        finish.setTimestamp(1, Timestamp.from(cursor));
        finish.setLong(2, step.ms());
        finish.setString(3, step.outcome());
        finish.setString(4, id);
        finish.setInt(5, seq);
        finish.executeUpdate();
      }
    }
    boolean terminal = List.of("succeeded", "failed", "denied", "rejected", "cancelled", "expired").contains(status);
    Instant end = cursor.plusMillis(gapMs);
    try (PreparedStatement ending = db.prepareStatement("UPDATE requests SET status = ?, finished_at = ?,"
        + " lead_time_ms = ?, cancelled_by = ?, error = ?, cancelled_by_subject = ? WHERE id = ?")) {
      ending.setString(1, status);
      ending.setTimestamp(2, terminal ? Timestamp.from(end) : null);
      if ("succeeded".equals(status)) {
        ending.setLong(3, end.toEpochMilli() - createdAt.toEpochMilli());
      } else {
        ending.setNull(3, java.sql.Types.BIGINT);
      }
      ending.setString(4, cancelledBy);
      ending.setString(5, error);
      ending.setString(6, cancelledBy == null ? null : subject(cancelledBy));
      ending.setString(7, id);
      ending.executeUpdate();
    }
  }

  /** The seeded callers' subjects: one token per name, as if each name were a distinct token. */
  private static String subject(String tokenName) {
    return "tok_" + tokenName;
  }
}
