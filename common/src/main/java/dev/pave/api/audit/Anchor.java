package dev.pave.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A point the chain must still pass through, held where the database's owner cannot reach: a
 * signed checkpoint Pave also wrote to PAVE_HOME/audit-anchors.jsonl, or the last checkpoint an
 * auditor saved and hands to `pave audit verify --expect-checkpoint SEQ:HASH`. Whoever cuts the
 * tail, or rewrites it, cannot make the event at {@code seq} have {@code headHash} again.
 *
 * @param source where it was kept, in words ("anchor file", "--expect-checkpoint")
 */
@Schema(name = "AuditAnchor")
public record Anchor(long seq, String headHash, String source) {

  public static final String EXPECTED = "--expect-checkpoint";

  /** An auditor's SEQ:HASH, as `pave audit verify` prints it and GET /v1/audit/verify shows it. */
  public static Anchor parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon > 0) {
      String hash = text.substring(colon + 1).strip();
      try {
        long seq = Long.parseLong(text.substring(0, colon).strip());
        if (seq >= 1 && hash.matches("sha256:[0-9a-f]{64}")) {
          return new Anchor(seq, hash, EXPECTED);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(EXPECTED + " takes SEQ:HASH, e.g. 1200:sha256:<64 hex digits>"
        + " (a checkpoint's seq and headHash)");
  }

  public static Anchor of(Checkpoint checkpoint, String source) {
    return new Anchor(checkpoint.seq(), checkpoint.headHash(), source);
  }
}
