package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of POST /v1/requests/{id}/approval. {@code planSha256}, when given, must be the plan the
 * approver reviewed (the request's {@code plan.sha256}): a decision about another plan is refused.
 */
public record ApprovalBody(@Schema(allowableValues = {"approve", "reject"}) String decision,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String comment,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "the plan.sha256 the approver reviewed")
    String planSha256) {}
