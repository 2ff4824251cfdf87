package dev.pave.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of GET /v1/audit/verify and of `pave audit verify`: {valid, events,
 * firstBrokenEvent, lastCheckpoint: {seq, headHash, signedAt}, reason, anchor, cut}; reason says
 * what broke, in words; anchor is the newest checkpoint kept outside the database that the chain
 * was compared with, and cut says how far the chain should reach when it no longer does.
 */
public record Verification(boolean valid, long events, @Schema(nullable = true) Long firstBrokenEvent,
    @Schema(nullable = true) CheckpointView lastCheckpoint, @Schema(nullable = true) String reason,
    @Schema(nullable = true, description = "the newest checkpoint kept outside the database (the anchor file, or"
        + " --expect-checkpoint) that the chain was compared with; null when there was none")
    Anchor anchor,
    @Schema(nullable = true, description = "set when the chain no longer reaches an anchored checkpoint, or has"
        + " another hash at its seq: the tail was cut (and perhaps written again)")
    Cut cut) {

  public record CheckpointView(long seq, String headHash, String signedAt) {
    static CheckpointView of(Checkpoint checkpoint) {
      return checkpoint == null ? null
          : new CheckpointView(checkpoint.seq(), checkpoint.headHash(), AuditRecord.AT.format(checkpoint.signedAt()));
    }
  }

  /**
   * @param anchoredSeq the seq the chain must reach, as held outside the database
   * @param anchoredHash the hash the event at that seq must have
   * @param chainHeadSeq the chain's last event as it stands now (0 when it has none)
   * @param anchoredIn where the anchor was kept: "anchor file" or "--expect-checkpoint"
   */
  @Schema(name = "AuditCut")
  public record Cut(long anchoredSeq, String anchoredHash, long chainHeadSeq, String anchoredIn) {}
}
