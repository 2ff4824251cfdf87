package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of POST /v1/tokens. A token without {@code expiresInDays} does not expire; that must be
 * asked for by leaving the field out. It is a JsonNode so that an explicit null (a template's
 * unset variable, say) can be told from an absent field and refused rather than read as "forever".
 */
public record NewToken(String name, String team,
    @Schema(allowableValues = {"requester", "approver", "auditor", "admin"}) String role,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, implementation = Integer.class, minimum = "1",
        description = "left out: the token does not expire") JsonNode expiresInDays) {}
