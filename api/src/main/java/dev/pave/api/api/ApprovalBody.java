package dev.pave.api.api;

/**
 * Body of POST /v1/requests/{id}/approval. {@code planSha256}, when given, must be the plan the
 * approver reviewed (the request's {@code plan.sha256}): a decision about another plan is refused.
 */
public record ApprovalBody(String decision, String comment, String planSha256) {}
