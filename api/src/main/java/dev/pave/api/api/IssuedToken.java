package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** Answer of POST /v1/tokens: the only time the token itself is shown. */
public record IssuedToken(String id, String name, String team, String role, @Schema(nullable = true) Instant expiresAt, String token) {}
