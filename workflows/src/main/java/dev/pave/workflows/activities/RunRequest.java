package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.contract.RequestAction;
import dev.pave.workflows.contract.RequestStatus;
import java.time.Instant;

/** A request as the activities read it from Pave's tables. */
public record RunRequest(
    String id,
    String module,
    String version,
    String workspace,
    String environment,
    String team,
    String requester,
    RequestAction action,
    JsonNode inputs,
    RequestStatus status,
    Instant createdAt,
    boolean cancelRequested,
    Integer ttlHours,
    Double costMonthlyUsd,
    String requesterRole,
    boolean approvalRequired) {

  public boolean destroy() {
    return action == RequestAction.DESTROY;
  }

  /** A speculative plan: planned and checked, never applied (see RequestAction.PLAN). */
  public boolean speculative() {
    return action == RequestAction.PLAN;
  }
}
