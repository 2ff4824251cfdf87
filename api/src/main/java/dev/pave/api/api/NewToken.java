package dev.pave.api.api;

/** Body of POST /v1/tokens. */
public record NewToken(String name, String team, String role, Integer expiresInDays) {}
