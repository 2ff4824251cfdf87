package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** The approval of a request: required by which policies' verdict, until when, and who decided what. */
public record ApprovalView(boolean required, @Schema(nullable = true) Instant deadline,
    // null until an approver decides (awaiting_approval): a pattern, not an enum, since a null outside
    // an enum's values is what strict validators rejected.
    @Schema(nullable = true, pattern = "^(approve|reject)$", description = "approve or reject; null until decided")
    String decision,
    @Schema(nullable = true) String approver, @Schema(nullable = true) String comment, @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true) String planSha256) {}
