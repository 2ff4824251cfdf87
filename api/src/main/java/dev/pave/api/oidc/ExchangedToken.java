package dev.pave.api.oidc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The answer of POST /v1/auth/oidc: a Pave token, shown this once, and who it stands for. */
public record ExchangedToken(String id,
    @Schema(description = "the Pave token (pave_...), shown this once") String token,
    Instant expiresAt,
    @Schema(description = "the identity it stands for, as the matching rule names it") String subject,
    String name, String team,
    @Schema(allowableValues = {"requester", "approver", "auditor", "admin"}) String role) {}
