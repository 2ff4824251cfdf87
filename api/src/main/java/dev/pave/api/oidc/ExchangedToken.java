package dev.pave.api.oidc;

import java.time.Instant;

/** The answer of POST /v1/auth/oidc: a Pave token, shown this once, and who it stands for. */
public record ExchangedToken(String id, String token, Instant expiresAt, String subject, String name, String team,
    String role) {}
