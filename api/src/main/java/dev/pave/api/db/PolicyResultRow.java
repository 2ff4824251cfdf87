package dev.pave.api.db;

import java.time.Instant;

/** One row of {@code request_policy_results}; seq is assigned on insert. */
public record PolicyResultRow(String requestId, int seq, String stage, String policy, String enforcement,
    String result, String message, String policyHash, String planSha256, Instant evaluatedAt) {}
