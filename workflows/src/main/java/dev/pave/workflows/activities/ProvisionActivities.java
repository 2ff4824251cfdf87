package dev.pave.workflows.activities;

import io.temporal.activity.ActivityInterface;

/**
 * The steps of a guarded Terraform run. Each method records its own step (start, finish,
 * outcome) in Pave's tables, so the timings are those of the work itself, and each can run on
 * any worker: working directories are rebuilt from the catalog and plans come from PostgreSQL.
 */
@ActivityInterface
public interface ProvisionActivities {

  /** Takes the request's workspace if it is its turn (FIFO); true when the request holds it. */
  boolean claimWorkspace(String requestId);

  /** Ends the queue step and tells the workflow where to start (a restart may resume an apply). */
  RunStart begin(String requestId);

  PlanOutcome plan(String requestId);

  /**
   * Init then plan, each recorded as its own step, in one activity: one Temporal round trip less
   * on the path every request takes. A re-plan (stale plan) calls plan alone.
   */
  PlanOutcome initAndPlan(String requestId);

  void apply(String requestId);

  /** Records a terminal status; returns the next request waiting for this workspace, or null. */
  String finish(String requestId, String status, String error);
}
