package dev.pave.api.audit;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Walks the chain once, oldest first, the same way online (rows from PostgreSQL) and offline (an
 * export): every hash recomputed, every prevHash the hash before it, seq without gaps from the
 * first event given; every checkpoint signed by a trusted key and met by the chain at its seq
 * with its head hash. A checkpoint past the last event means the tail was cut.
 */
public final class ChainVerifier {

  private final List<PublicKey> trustedKeys;
  private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
  private long events;
  private AuditRecord previous;
  private Long firstBroken;
  private String reason;
  private Checkpoint lastMet;

  public ChainVerifier(List<PublicKey> trustedKeys, List<Checkpoint> checkpoints) {
    this.trustedKeys = List.copyOf(trustedKeys);
    for (Checkpoint checkpoint : checkpoints) {
      this.checkpoints.put(checkpoint.seq(), checkpoint);
    }
  }

  /** Feeds the next event; returns false once the chain is broken (the caller may stop reading). */
  public boolean accept(AuditRecord event) {
    if (firstBroken != null) {
      return false;
    }
    events++;
    if (previous != null && event.seq() != previous.seq() + 1) {
      return broken(previous.seq() + 1, "event " + (previous.seq() + 1) + " is missing");
    }
    if (previous == null && event.seq() == 1 && event.prevHash() != null) {
      return broken(1, "the first event names a previous one");
    }
    if (previous != null && !previous.hash().equals(event.prevHash())) {
      return broken(event.seq(), "prevHash is not the hash of event " + previous.seq());
    }
    if (!event.computedHash().equals(event.hash())) {
      return broken(event.seq(), "the hash does not match the event's content");
    }
    Checkpoint checkpoint = checkpoints.get(event.seq());
    if (checkpoint != null) {
      if (!checkpoint.headHash().equals(event.hash())) {
        return broken(event.seq(), "the chain no longer reaches the head signed at checkpoint " + event.seq());
      }
      if (!signedByTrustedKey(checkpoint)) {
        return broken(event.seq(), "checkpoint " + event.seq() + " is not signed by a trusted key");
      }
      lastMet = checkpoint;
    }
    previous = event;
    return true;
  }

  public Verification result() {
    if (firstBroken == null && previous != null) {
      // Checkpoints beyond the last event: events that were signed are gone.
      Checkpoint beyond = checkpoints.higherEntry(previous.seq()) == null ? null
          : checkpoints.higherEntry(previous.seq()).getValue();
      if (beyond != null && signedByTrustedKey(beyond)) {
        broken(previous.seq() + 1, "the chain ends at " + previous.seq() + " but checkpoint " + beyond.seq()
            + " signed a longer one: its tail was cut");
      }
    } else if (firstBroken == null && !checkpoints.isEmpty()) {
      broken(1, "no events, but checkpoints signed some");
    }
    return new Verification(firstBroken == null, events, firstBroken, Verification.CheckpointView.of(lastMet), reason);
  }

  private boolean signedByTrustedKey(Checkpoint checkpoint) {
    for (PublicKey key : trustedKeys) {
      if (Base64.getEncoder().encodeToString(key.getEncoded()).equals(checkpoint.publicKey())
          && checkpoint.signatureValid(key)) {
        return true;
      }
    }
    return false;
  }

  private boolean broken(long seq, String why) {
    firstBroken = seq;
    reason = why;
    return false;
  }
}
