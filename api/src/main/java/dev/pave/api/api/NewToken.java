package dev.pave.api.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Body of POST /v1/tokens. A token without {@code expiresInDays} does not expire: that must be
 * asked for by leaving the field out, so an explicit null (a template's unset variable, say) is
 * refused rather than read as "forever".
 */
public record NewToken(String name, String team, String role,
    @JsonSetter(nulls = Nulls.FAIL) Integer expiresInDays) {}
