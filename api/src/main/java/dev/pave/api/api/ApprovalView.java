package dev.pave.api.api;

import java.time.Instant;

/** The approval of a request: required by which policies' verdict, until when, and who decided what. */
public record ApprovalView(boolean required, Instant deadline, String decision, String approver, String comment,
    Instant decidedAt, String planSha256) {}
