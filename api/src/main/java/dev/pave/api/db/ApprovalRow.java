package dev.pave.api.db;

import java.time.Instant;

/**
 * One row of {@code approvals}: a decision about one exact plan of a request. {@code approver} is
 * the display name; {@code approverSubject} says who decided.
 */
public record ApprovalRow(String requestId, String planSha256, String decision, String approver, String comment,
    Instant decidedAt, String approverSubject) {}
