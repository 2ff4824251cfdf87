package dev.pave.api.oidc;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of POST /v1/auth/oidc: {@code {"token": "<the pipeline's OIDC token>"}}. */
public record OidcExchangeBody(@Schema(description = "the pipeline's OIDC token (a signed JWT)") String token) {}
