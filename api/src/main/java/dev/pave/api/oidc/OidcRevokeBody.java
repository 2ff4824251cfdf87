package dev.pave.api.oidc;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of POST /v1/auth/oidc/revoke: the pipeline whose exchanged tokens end. */
public record OidcRevokeBody(@Schema(description = "the pipeline's subject, oidc:<issuer>#<sub>, as exchanged"
    + " tokens and audit events name it", example = "oidc:https://token.actions.githubusercontent.com#repo:acme/api:ref:refs/heads/main")
    String subject) {}
