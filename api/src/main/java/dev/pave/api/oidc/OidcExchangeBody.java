package dev.pave.api.oidc;

/** The body of POST /v1/auth/oidc: {@code {"token": "<the pipeline's OIDC token>"}}. */
public record OidcExchangeBody(String token) {}
