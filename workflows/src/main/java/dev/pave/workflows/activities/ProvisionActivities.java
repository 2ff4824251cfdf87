package dev.pave.workflows.activities;

import dev.pave.workflows.contract.RequestStatus;
import io.temporal.activity.ActivityInterface;

/**
 * The steps of a guarded Terraform run. Each method records its own step (start, finish,
 * outcome) in Pave's tables, so the timings are those of the work itself, and each can run on
 * any worker: working directories are rebuilt from the catalog and plans come from PostgreSQL.
 */
@ActivityInterface
public interface ProvisionActivities {

  /**
   * Takes the request's workspace if it is its turn (FIFO). If it is: ends the queue step, tells
   * the workflow where to start (a restart may resume an approval wait or an apply) and, for a run
   * from the beginning, checks the request-stage policies, before any Terraform command runs.
   */
  Admission admit(String requestId);

  /** Plans again (the saved plan went stale) and checks the new plan against the plan-stage policies. */
  PlanOutcome plan(String requestId);

  /**
   * Init, plan, and the plan-stage policy check, each recorded as its own step, in one activity:
   * fewer Temporal round trips on the path every request takes.
   */
  PlanOutcome initAndPlan(String requestId);

  /**
   * Applies the saved, checked plan; on success records the outputs and ends the request as
   * succeeded. Does not start when a cancel came first (see {@link RequestLedger#startApplying}).
   */
  ApplyOutcome apply(String requestId);

  /**
   * Records a terminal status (unless the request has one already: a succeeded apply ended it);
   * returns the next request waiting for this workspace, or null.
   */
  String finish(String requestId, RequestStatus status, String error);
}
