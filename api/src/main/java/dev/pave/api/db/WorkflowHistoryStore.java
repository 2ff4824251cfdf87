package dev.pave.api.db;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.workflows.crypto.Hashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The archive of workflows' histories (table workflow_histories, append-only): JSON in,
 * gzip-compressed at rest, each row vouched for by an audit event carrying its hashes (V21's
 * trigger refuses a row that its event does not match), so a reader can tell the stored text is
 * the text that was archived.
 */
public final class WorkflowHistoryStore {

  /** The two kinds of stored history: at most one of each per request. */
  public enum Kind {
    /** Taken by the archiver after the workflow closed: every event. */
    COMPLETE("workflow_history.archived", true),
    /** Taken by the request's last activity before its terminal move: all but the closing events. */
    SNAPSHOT("workflow_history.snapshot_archived", false);

    /** The audit action recording a row of this kind (V21's trigger names the same two). */
    public final String action;
    final boolean complete;

    Kind(String action, boolean complete) {
      this.action = action;
      this.complete = complete;
    }
  }

  /**
   * A stored history and the hash of it the audit trail recorded.
   *
   * @param json null when the stored bytes do not even decompress (planted past the trigger)
   * @param trailSha256 null when no event of the trail vouches for the row (planted past the trigger)
   */
  public record Stored(String runId, Kind kind, String json, String trailSha256) {
    /** Whether the text read back now is the text whose hash the trail recorded when it was stored. */
    public boolean matchesTrail() {
      return json != null && trailSha256 != null && trailSha256.equals(sha256());
    }

    /** The hash of the text read back now; null when it did not decompress. */
    public String sha256() {
      return json == null ? null : Hashes.sha256(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Requests that have ended and have no complete history yet, newest first. */
  private static final String NOT_ARCHIVED = "SELECT r.id FROM requests r WHERE pave_terminal(r.status)"
      + " AND coalesce(r.finished_at, r.created_at) >= :since"
      + " AND NOT EXISTS (SELECT 1 FROM workflow_histories h WHERE h.request_id = r.id AND h.complete)"
      + " ORDER BY coalesce(r.finished_at, r.created_at) DESC LIMIT :limit";

  /**
   * A row's vouching event: the one it names, or for rows from before V21 (no audit_seq) the
   * request's first event of its kind and run, which later appended events cannot displace.
   */
  private static final String STORED = "SELECT h.run_id, h.history_gzip,"
      + " (SELECT e.details->>'historySha256' FROM audit_events e WHERE e.action = :action"
      + "   AND e.target = h.request_id AND e.details->>'runId' = h.run_id"
      + "   AND (h.audit_seq IS NULL OR e.seq = h.audit_seq) ORDER BY e.seq LIMIT 1) AS trail_sha256"
      + " FROM workflow_histories h WHERE h.request_id = :request AND h.complete = :complete";

  private final Jdbi jdbi;

  public WorkflowHistoryStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores one closed run's complete history; a request keeps its first. Returns the hash. */
  public String archive(String requestId, String workflowId, String runId, Instant closedAt, String json) {
    return store(Kind.COMPLETE, requestId, workflowId, runId, closedAt, json);
  }

  /** Stores what a still running workflow's history holds now, unless the request has a snapshot already. */
  public String snapshot(String requestId, String runId, String json) {
    return store(Kind.SNAPSHOT, requestId, requestId, runId, null, json);
  }

  public boolean has(String requestId, Kind kind) {
    return jdbi.withHandle(h -> exists(h, requestId, kind));
  }

  /** The stored history of a kind, as the JSON that was stored, with the trail's hash of it. */
  public Optional<Stored> stored(String requestId, Kind kind) {
    return jdbi.withHandle(h -> h.createQuery(STORED).bind("action", kind.action).bind("request", requestId)
        .bind("complete", kind.complete)
        .map((rs, ctx) -> new Stored(rs.getString("run_id"), kind, gunzipOrNull(rs.getBytes("history_gzip")),
            rs.getString("trail_sha256")))
        .findOne());
  }

  public List<String> endedWithoutHistory(Instant since, int limit) {
    return jdbi.withHandle(h -> h.createQuery(NOT_ARCHIVED).bind("since", since).bind("limit", limit)
        .mapTo(String.class).list());
  }

  /**
   * The event first, then the row, in one transaction: the trigger checks the row against the
   * trail's head, which is this event until commit (AuditLog's lock). A concurrent writer of the
   * same row loses on the primary key and its event goes with its rollback.
   */
  private String store(Kind kind, String requestId, String workflowId, String runId, Instant closedAt, String json) {
    byte[] plain = json.getBytes(StandardCharsets.UTF_8);
    String hash = Hashes.sha256(plain);
    byte[] gzip = gzip(plain);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("runId", runId);
    details.put("historySha256", hash);
    details.put("storedSha256", Hashes.sha256(gzip));
    try {
      jdbi.useTransaction(h -> {
        if (exists(h, requestId, kind)) {
          return;
        }
        AuditLog.append(h, AuditEvent.bySystem(kind.action, requestId, details));
        // The trigger sets audit_seq to the event just appended.
        h.createUpdate("INSERT INTO workflow_histories"
                + " (request_id, workflow_id, run_id, closed_at, sha256, history_gzip, complete)"
                + " VALUES (:request, :workflow, :run, :closedAt, :hash, :bytes, :complete)")
            .bind("request", requestId).bind("workflow", workflowId).bind("run", runId)
            .bind("closedAt", closedAt).bind("hash", hash).bind("bytes", gzip).bind("complete", kind.complete)
            .execute();
      });
    } catch (JdbiException e) {
      if (!UniqueViolation.of(e, "workflow_histories_pkey")) {
        throw e;
      }
    }
    return hash;
  }

  private static boolean exists(Handle h, String requestId, Kind kind) {
    return h.createQuery("SELECT 1 FROM workflow_histories WHERE request_id = :request AND complete = :complete")
        .bind("request", requestId).bind("complete", kind.complete).mapTo(Integer.class).findOne().isPresent();
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 8 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toByteArray();
  }

  /** Null for bytes that are not gzip: only a row planted past the trigger is, and its reader is told so. */
  private static String gunzipOrNull(byte[] compressed) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException corrupt) {
      return null;
    }
  }
}
