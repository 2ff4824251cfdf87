package dev.pave.api.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Walks the chain once, oldest first, the same way online (rows from PostgreSQL) and offline (an
 * export): every hash recomputed, every prevHash the hash before it, seq without gaps from the
 * first event given; every checkpoint signed by a trusted key and met by the chain at its seq
 * with its head hash. A checkpoint past the last event means the tail was cut, and one nobody
 * trusted signed is a forgery. Anchors, the checkpoints kept outside the database, must be met
 * the same way: they are what finds a tail cut together with its checkpoints.
 *
 * <p>Feed every event, even after {@link #accept} answered false: the walk then still learns the
 * chain's head and what stands at each anchored seq, so a cut is named beside an earlier break.
 */
public final class ChainVerifier {

  private final List<PublicKey> trustedKeys;
  private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
  private final NavigableMap<Long, List<Anchor>> anchors = new TreeMap<>();
  private long events;
  private AuditRecord previous;
  private Long firstSeq;
  private long headSeq;
  private Long firstBroken;
  private String reason;
  private Checkpoint lastMet;
  private Anchor rewrittenAnchor;

  public ChainVerifier(List<PublicKey> trustedKeys, List<Checkpoint> checkpoints, List<Anchor> anchors) {
    this.trustedKeys = List.copyOf(trustedKeys);
    for (Checkpoint checkpoint : checkpoints) {
      this.checkpoints.put(checkpoint.seq(), checkpoint);
    }
    for (Anchor anchor : anchors) {
      this.anchors.computeIfAbsent(anchor.seq(), seq -> new ArrayList<>()).add(anchor);
    }
  }

  /** Feeds the next event; answers whether the chain is still intact. */
  public boolean accept(AuditRecord event) {
    if (firstSeq == null) {
      firstSeq = event.seq();
    }
    headSeq = event.seq();
    for (Anchor anchor : anchors.getOrDefault(event.seq(), List.of())) {
      if (rewrittenAnchor == null && !anchor.headHash().equals(event.hash())) {
        rewrittenAnchor = anchor;
      }
    }
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
      if (!checkpoint.signedByAnyOf(trustedKeys)) {
        return broken(event.seq(), "checkpoint " + event.seq() + " is not signed by a trusted key");
      }
      lastMet = checkpoint;
    }
    previous = event;
    return true;
  }

  public Verification result() {
    if (firstBroken == null && previous != null) {
      // Checkpoints beyond the last event: events that were signed are gone, or a row was forged.
      Map.Entry<Long, Checkpoint> beyond = checkpoints.higherEntry(previous.seq());
      if (beyond != null && beyond.getValue().signedByAnyOf(trustedKeys)) {
        broken(previous.seq() + 1, "the chain ends at " + previous.seq() + " but checkpoint " + beyond.getKey()
            + " signed a longer one: its tail was cut");
      } else if (beyond != null) {
        broken(previous.seq() + 1, "checkpoint " + beyond.getKey() + " lies beyond the chain's end ("
            + previous.seq() + ") and is not signed by a trusted key: a forged row");
      }
    } else if (firstBroken == null && !checkpoints.isEmpty()) {
      broken(1, "no events, but checkpoints signed some");
    }
    Verification.Cut cut = cut();
    String unchecked = firstBroken == null && cut == null ? anchorBeforeTheFirstEvent() : null;
    Anchor newest = anchors.isEmpty() ? null : anchors.lastEntry().getValue().get(0);
    return new Verification(firstBroken == null && cut == null && unchecked == null, events, firstBroken,
        Verification.CheckpointView.of(lastMet), unchecked != null ? unchecked : reason, newest, cut);
  }

  /** An anchor the chain no longer reaches, or reaches with another hash: its tail was cut (or rewritten). */
  private Verification.Cut cut() {
    Map.Entry<Long, List<Anchor>> beyond = anchors.lastEntry();
    if (rewrittenAnchor != null) {
      broken(rewrittenAnchor.seq(), "event " + rewrittenAnchor.seq() + " no longer has the hash held for it in the "
          + rewrittenAnchor.source() + ": the chain was cut at or before it and written again");
      return new Verification.Cut(rewrittenAnchor.seq(), rewrittenAnchor.headHash(), headSeq, rewrittenAnchor.source());
    }
    if (beyond != null && beyond.getKey() > headSeq) {
      Anchor anchor = beyond.getValue().get(0);
      broken(headSeq + 1, "the chain ends at " + headSeq + " but the " + anchor.source() + " holds checkpoint "
          + anchor.seq() + ": its tail was cut");
      return new Verification.Cut(anchor.seq(), anchor.headHash(), headSeq, anchor.source());
    }
    return null;
  }

  /** An export that starts after an anchored seq cannot confirm it: say so rather than pass. */
  private String anchorBeforeTheFirstEvent() {
    if (firstSeq == null || anchors.isEmpty() || anchors.firstKey() >= firstSeq) {
      return null;
    }
    Anchor anchor = anchors.firstEntry().getValue().get(0);
    return "the events start at " + firstSeq + ", after checkpoint " + anchor.seq() + " of the " + anchor.source()
        + ": nothing here can confirm it; export from an earlier time (--since)";
  }

  /** Records a break; the earliest one is what firstBrokenEvent and reason name. */
  private boolean broken(long seq, String why) {
    if (firstBroken == null || seq < firstBroken) {
      firstBroken = seq;
      reason = why;
    }
    return false;
  }
}
