package dev.pave.workflows.provision;

import dev.pave.workflows.activities.RunStart;
import dev.pave.workflows.contract.RequestAction;
import io.temporal.workflow.Workflow;

/**
 * Whether a run is a speculative plan, which ends once its plan is checked: no approval wait, no
 * apply. The change id marks, in the history, the workflow version that knows such runs; it is
 * asked only on a plan's path, so the histories of applies and destroys stay exactly as they were.
 */
final class SpeculativePlans {

  static final String CHANGE_ID = "speculative-plan";
  private static final int ENDS_AFTER_CHECK = 1;

  private SpeculativePlans() {}

  static boolean endsAfterCheck(RunStart start) {
    if (start.action() != RequestAction.PLAN) {
      return false;
    }
    // DEFAULT_VERSION only replaying a plan run by a worker older than plans (which went on to an
    // apply the database refuses for a plan): replay it as it ran.
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, ENDS_AFTER_CHECK) == ENDS_AFTER_CHECK;
  }
}
