package dev.pave.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of GET /v1/audit/verify and of `pave audit verify`: {valid, events,
 * firstBrokenEvent, lastCheckpoint: {seq, headHash, signedAt}}; reason says what broke, in words.
 */
public record Verification(boolean valid, long events, @Schema(nullable = true) Long firstBrokenEvent,
    @Schema(nullable = true) CheckpointView lastCheckpoint, @Schema(nullable = true) String reason) {

  public record CheckpointView(long seq, String headHash, String signedAt) {
    static CheckpointView of(Checkpoint checkpoint) {
      return checkpoint == null ? null
          : new CheckpointView(checkpoint.seq(), checkpoint.headHash(), AuditRecord.AT.format(checkpoint.signedAt()));
    }
  }
}
