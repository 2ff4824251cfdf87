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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jdbi.v3.core.Jdbi;

/**
 * The archive of closed workflows' histories (table workflow_histories, append-only): JSON in,
 * gzip-compressed at rest, with the SHA-256 of the uncompressed JSON so that a reader (or the
 * audit trail) can tell the stored text is the text that was archived.
 */
public final class WorkflowHistoryStore {

  /** Requests that have ended and have no archived history yet, newest first. */
  private static final String NOT_ARCHIVED = "SELECT r.id FROM requests r WHERE pave_terminal(r.status)"
      + " AND coalesce(r.finished_at, r.created_at) >= :since"
      + " AND NOT EXISTS (SELECT 1 FROM workflow_histories h WHERE h.request_id = r.id)"
      + " ORDER BY coalesce(r.finished_at, r.created_at) DESC LIMIT :limit";

  private final Jdbi jdbi;

  public WorkflowHistoryStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores one closed run's history; archiving the same run twice keeps the first. Its hash goes
   * on the audit trail in the same transaction, once, when the row is new. Returns the hash.
   */
  public String archive(String requestId, String workflowId, String runId, Instant closedAt, String json) {
    byte[] plain = json.getBytes(StandardCharsets.UTF_8);
    String hash = Hashes.sha256(plain);
    jdbi.useTransaction(h -> {
      int stored = h.createUpdate("INSERT INTO workflow_histories"
              + " (request_id, workflow_id, run_id, closed_at, sha256, history_gzip)"
              + " VALUES (:request, :workflow, :run, :closedAt, :hash, :bytes) ON CONFLICT DO NOTHING")
          .bind("request", requestId).bind("workflow", workflowId).bind("run", runId)
          .bind("closedAt", closedAt).bind("hash", hash).bind("bytes", gzip(plain))
          .execute();
      if (stored == 1) {
        AuditLog.append(h, AuditEvent.bySystem("workflow_history.archived", requestId,
            Map.of("runId", runId, "historySha256", hash)));
      }
    });
    return hash;
  }

  /** The last archived run's history of a request, as the JSON that was archived. */
  public Optional<String> latest(String requestId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT history_gzip FROM workflow_histories"
            + " WHERE request_id = :request ORDER BY closed_at DESC, archived_at DESC LIMIT 1")
        .bind("request", requestId).mapTo(byte[].class).findOne())
        .map(WorkflowHistoryStore::gunzip);
  }

  public List<String> endedWithoutHistory(Instant since, int limit) {
    return jdbi.withHandle(h -> h.createQuery(NOT_ARCHIVED).bind("since", since).bind("limit", limit)
        .mapTo(String.class).list());
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

  private static String gunzip(byte[] compressed) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException corrupt) {
      throw new UncheckedIOException("an archived workflow history does not decompress", corrupt);
    }
  }
}
