package dev.pave.api.oidc;

/** The answer of POST /v1/auth/oidc/revoke: how many of the subject's tokens and browser sessions ended. */
public record SubjectRevoked(String subject, int tokensRevoked, int sessionsEnded) {}
