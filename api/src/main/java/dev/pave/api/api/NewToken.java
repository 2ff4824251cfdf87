package dev.pave.api.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of POST /v1/tokens. A token without {@code expiresInDays} does not expire; that must be
 * asked for by leaving the field out. It is a JsonNode so that an explicit null (a template's
 * unset variable, say) can be told from an absent field and refused rather than read as "forever".
 */
public record NewToken(String name, String team, String role, JsonNode expiresInDays) {}
