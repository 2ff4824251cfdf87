package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.contract.StepName;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Pave's tables as the activities need them. The API module implements it over PostgreSQL;
 * keeping it an interface lets workflow tests run against the real tables or a recorder.
 */
public interface RequestLedger {

  RunRequest load(String requestId);

  /**
   * The request's workspace as stored (its team's row of that name), what policies read as
   * {@code workspace}; {@link dev.pave.workflows.policy.PolicyInputs.Workspace#NONE} when there is
   * none yet.
   */
  dev.pave.workflows.policy.PolicyInputs.Workspace workspaceOf(RunRequest request);

  /**
   * Runs {@code work} with every ledger call in it (this ledger's and the guardrail ledger's) on
   * one database connection, each statement still committed on its own: a step's bookkeeping is
   * several statements, and one connection for all of them spares a pool checkout for each. Never
   * around a Terraform command, which would hold the connection for its whole run.
   */
  default <T> T session(java.util.function.Supplier<T> work) {
    return work.get();
  }

  /**
   * Takes the workspace for this request if it is its turn: nobody else holds it and this is the
   * oldest unfinished request of the workspace. True when this request holds it (now or already).
   */
  boolean claimWorkspace(String requestId);

  /** The oldest unfinished request of the workspace other than this one. */
  Optional<String> nextInLine(String requestId);

  /**
   * Moves the request to a non-terminal status, if {@link dev.pave.workflows.contract.RequestLifecycle}
   * allows it from the status it is in; one atomic update.
   *
   * @return false when nothing moved: the move is illegal from the request's status (or already made)
   */
  boolean setStatus(String requestId, RequestStatus status);

  /**
   * Moves the request to applying, unless a cancel was asked for first: one atomic update, so a
   * cancel the API accepted (it accepts them only before applying) is never followed by an apply.
   *
   * A request already applying (a retried attempt) may go on; any other status the lifecycle
   * does not allow applying from is refused.
   *
   * @return who cancelled the request, when a cancel came first; empty when the apply may start
   */
  Optional<String> startApplying(String requestId);

  /** Opens a step; a retried attempt of the same step reuses the open row instead of adding one. */
  void stepStarted(String requestId, StepName step, Instant at, String actor);

  /** Closes the open step of that name; a non-null actor replaces the one that opened it (an approver). */
  void stepFinished(String requestId, StepName step, Instant at, String outcome, String actor);

  /** Closes every open step as "interrupted": a restarted run does not resume a half-done step. */
  void interruptOpenSteps(String requestId, Instant at);

  void savePlan(String requestId, SavedPlan plan, int add, int change, int destroy);

  /**
   * Keeps what Terraform printed in one run of a step (init, plan, apply), secrets already
   * masked, for {@code GET /v1/requests/{id}/logs}; each run (a retry, a plan made again) adds one.
   */
  void recordStepOutput(String requestId, StepName step, String output, boolean truncated);

  Optional<SavedPlan> loadPlan(String requestId);

  /**
   * The apply succeeded: records outputs (sensitive values only sealed) and updates the
   * workspace, in one transaction.
   */
  void recordOutputs(String requestId, Map<String, JsonNode> publicOutputs, java.util.List<String> sensitiveNames,
      byte[] sealedSensitiveOutputs);

  /**
   * Terminal status, if the lifecycle allows it from the request's status; the lead time is
   * computed from the request's acceptance. False when nothing moved (already ended, or illegal).
   */
  boolean end(String requestId, RequestStatus status, Instant at, String error);
}
