package dev.pave.api.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The one way into the audit trail. {@link #append} runs in the caller's transaction, beside the
 * change it records: both are stored or neither is. Writers take one transaction-scoped advisory
 * lock before reading the head, so concurrent transactions line up into one chain without gaps;
 * the lock is held until the writer commits, which is what makes max(seq) + 1 safe. Call it as
 * the last statement of the transaction: the lock is then held briefly, and always taken after
 * any row lock, so that writers never wait on each other in a circle.
 *
 * <p>For a new kind of event: {@code AuditLog.append(handle, AuditEvent.bySystem("history.archived",
 * requestId, Map.of("historySha256", hash)))} inside the transaction that stores the change.
 */
public final class AuditLog {

  /** A constant key for pg_advisory_xact_lock: "PAVE_AUD" as ASCII, unlikely to meet another user's. */
  static final long CHAIN_LOCK = 0x504156455f415544L;

  private AuditLog() {}

  public static AuditRecord append(Handle handle, AuditEvent event) {
    long started = System.nanoTime();
    try {
      return appendUnderLock(handle, event);
    } finally {
      AuditAppendTimer.APPEND_SECONDS.observe((System.nanoTime() - started) / 1e9);
    }
  }

  private static AuditRecord appendUnderLock(Handle handle, AuditEvent event) {
    handle.execute("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
    Optional<Head> head = head(handle);
    long seq = head.map(h -> h.seq() + 1).orElse(1L);
    String prevHash = head.map(Head::hash).orElse(null);
    // Taken under the lock, so times never run backwards along the chain.
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    AuditRecord unhashed = new AuditRecord(seq, at, event.actorSubject(), event.actorName(), event.actorTeam(),
        event.actorRole(), event.action(), event.target(), event.details(), prevHash, null);
    AuditRecord record = new AuditRecord(seq, at, event.actorSubject(), event.actorName(), event.actorTeam(),
        event.actorRole(), event.action(), event.target(), event.details(), prevHash, unhashed.computedHash());
    handle.createUpdate("INSERT INTO audit_events (seq, at, actor_subject, actor_name, actor_team, actor_role, action,"
            + " target, details, prev_hash, hash) VALUES (:seq, :at, :subject, :name, :team, :role, :action, :target,"
            + " CAST(:details AS jsonb), :prevHash, :hash)")
        .bind("seq", seq).bind("at", at).bind("subject", record.actorSubject()).bind("name", record.actorName())
        .bind("team", record.actorTeam()).bind("role", record.actorRole()).bind("action", record.action())
        .bind("target", record.target()).bind("details", new String(CanonicalJson.bytes(record.details()),
            java.nio.charset.StandardCharsets.UTF_8))
        .bind("prevHash", prevHash).bind("hash", record.hash())
        .execute();
    return record;
  }

  /** The newest event's place and hash. */
  public record Head(long seq, String hash) {}

  public static Optional<Head> head(Handle handle) {
    return handle.createQuery("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).findOne();
  }
}
