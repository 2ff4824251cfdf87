package dev.pave.api.audit;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the chain's head every {@code every} events or every {@code interval}, whichever comes
 * first. It looks every few seconds rather than inside each append, so that appends stay one
 * insert in the caller's transaction; a checkpoint trails the N-th event by at most one look.
 * Each checkpoint is also anchored outside the database ({@link CheckpointAnchors}) before its
 * row commits. Only checkpoints a trusted key signed count as signed: a row someone else put in
 * the table (a far-future one would otherwise stop all signing) is passed over here and named by
 * verification.
 */
public final class Checkpointer implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
  static final Duration LOOK_EVERY = Duration.ofSeconds(5);

  private final Jdbi jdbi;
  private final CheckpointKey key;
  private final CheckpointAnchors anchors;
  private final long every;
  private final Duration interval;
  private ScheduledExecutorService timer;

  public Checkpointer(Jdbi jdbi, CheckpointKey key, CheckpointAnchors anchors, long every, Duration interval) {
    this.jdbi = jdbi;
    this.key = key;
    this.anchors = anchors;
    this.every = every;
    this.interval = interval;
  }

  @Override
  public void start() {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "audit-checkpoints");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleWithFixedDelay(this::signIfDueQuietly, 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    timer.shutdownNow();
    signIfDueQuietly(true);
  }

  private void signIfDueQuietly() {
    signIfDueQuietly(false);
  }

  private void signIfDueQuietly(boolean force) {
    try {
      signIfDue(force);
    } catch (RuntimeException e) {
      LOG.warn("audit checkpoint not signed this time: {}", e.getMessage());
    }
  }

  /** Signs the head when due (or when {@code force} and anything is unsigned); returns what it signed. */
  public Optional<Checkpoint> signIfDue(boolean force) {
    return jdbi.inTransaction(handle -> {
      // The chain's lock: the head cannot move while it is signed, and two nodes never sign twice.
      handle.execute("SELECT pg_advisory_xact_lock(?)", AuditLog.CHAIN_LOCK);
      Optional<AuditLog.Head> head = AuditLog.head(handle);
      if (head.isEmpty()) {
        return Optional.<Checkpoint>empty();
      }
      Optional<Checkpoint> last = lastTrusted(handle, head.get().seq());
      long signedSeq = last.map(Checkpoint::seq).orElse(0L);
      if (head.get().seq() <= signedSeq) {
        return Optional.<Checkpoint>empty();
      }
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      boolean due = force || head.get().seq() - signedSeq >= every
          || last.map(c -> !c.signedAt().plus(interval).isAfter(now)).orElse(true);
      if (!due) {
        return Optional.<Checkpoint>empty();
      }
      Checkpoint checkpoint = new Checkpoint(head.get().seq(), head.get().hash(), now,
          CheckpointKey.base64(key.publicKey()), key.sign(Checkpoint.message(head.get().seq(), head.get().hash(), now)));
      int stored = handle.createUpdate("INSERT INTO audit_checkpoints (seq, head_hash, signed_at, public_key,"
              + " signature) VALUES (:seq, :headHash, :signedAt, :publicKey, :signature) ON CONFLICT (seq) DO NOTHING")
          .bindMethods(checkpoint).execute();
      if (stored == 0) {
        LOG.warn("audit checkpoint {} not signed: a row at that seq exists and no trusted key signed it"
            + " (GET /v1/audit/verify names it); signing resumes at the next event", checkpoint.seq());
        return Optional.<Checkpoint>empty();
      }
      // Before the commit: a checkpoint that cannot be anchored is not stored either, and is retried.
      anchors.write(checkpoint);
      return Optional.of(checkpoint);
    });
  }

  /** The newest checkpoint at or below the head that a trusted key signed; rows beyond the head never count. */
  private Optional<Checkpoint> lastTrusted(Handle handle, long headSeq) {
    try (var newestFirst = AuditTrail.checkpointsDownFrom(handle, headSeq)) {
      return newestFirst.filter(c -> c.signedByAnyOf(key.trustedKeys())).findFirst();
    }
  }
}
