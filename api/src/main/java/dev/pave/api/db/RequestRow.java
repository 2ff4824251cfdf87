package dev.pave.api.db;

import java.time.Instant;

/**
 * One row of {@code requests}, as stored. JSON columns come back as text. {@code requester} and
 * {@code cancelledBy} are display names; the subjects say who it was.
 */
public record RequestRow(
    String id,
    String module,
    String version,
    String workspace,
    String environment,
    String team,
    String requester,
    String action,
    String status,
    String inputs,
    Integer ttlHours,
    String idempotencyKey,
    String requestHash,
    Instant createdAt,
    Instant finishedAt,
    Long leadTimeMs,
    Integer planAdd,
    Integer planChange,
    Integer planDestroy,
    String outputs,
    String[] sensitiveOutputs,
    Double costMonthlyUsd,
    boolean cancelRequested,
    String error,
    String cancelledBy,
    String requesterRole,
    boolean approvalRequired,
    Instant approvalDeadline,
    String requesterSubject,
    String cancelledBySubject) {
  /**
   * This row stamped as accepted at {@code instant}: acceptance stamps its requests under the
   * team's lock, so a workspace's line (ordered by created_at) is the order they were stored in.
   */
  public RequestRow acceptedAt(Instant instant) {
    return new RequestRow(id, module, version, workspace, environment, team, requester, action, status, inputs,
        ttlHours, idempotencyKey, requestHash, instant, finishedAt, leadTimeMs, planAdd, planChange, planDestroy,
        outputs, sensitiveOutputs, costMonthlyUsd, cancelRequested, error, cancelledBy, requesterRole,
        approvalRequired, approvalDeadline, requesterSubject, cancelledBySubject);
  }
}
