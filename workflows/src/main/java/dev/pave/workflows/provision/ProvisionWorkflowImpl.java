package dev.pave.workflows.provision;

import dev.pave.workflows.activities.ProvisionActivities;
import dev.pave.workflows.activities.RunStart;
import dev.pave.workflows.contract.ProvisionInput;
import dev.pave.workflows.contract.ProvisionWorkflow;
import dev.pave.workflows.contract.RequestStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Orchestration only: no I/O, no clock, no randomness. The order is the product's promise:
 * wait for the workspace, init, plan (saved), apply exactly that plan, record the outcome, hand
 * the workspace to the next request in line.
 */
public class ProvisionWorkflowImpl implements ProvisionWorkflow {

  /** Signals can be missed (the next workflow may not have started yet); re-check this often. */
  private static final Duration LINE_RECHECK = Duration.ofSeconds(30);

  private final ProvisionActivities steps = ProvisionActivityStubs.steps();
  private final ProvisionActivities bookkeeping = ProvisionActivityStubs.bookkeeping();

  private boolean released;
  private String cancelledBy;

  @Override
  public String run(ProvisionInput input) {
    String id = input.requestId();
    waitForWorkspace(id);
    RequestStatus outcome;
    String error = null;
    try {
      outcome = cancelledBy != null ? RequestStatus.CANCELLED : runSteps(id);
    } catch (ActivityFailure failure) {
      outcome = RequestStatus.FAILED;
      error = FailureMessages.of(failure);
    }
    if (outcome == RequestStatus.CANCELLED) {
      error = "cancelled by " + cancelledBy;
    }
    String next = bookkeeping.finish(id, outcome.wireName(), error);
    if (next != null) {
      WorkspaceLine.handOver(next);
    }
    return outcome.wireName();
  }

  private RequestStatus runSteps(String id) {
    RunStart start = bookkeeping.begin(id);
    if (start.cancelRequested() || cancelledBy != null) {
      cancelledBy = cancelledBy == null ? "requester" : cancelledBy;
      return RequestStatus.CANCELLED;
    }
    if (!start.resumeApply()) {
      steps.init(id);
      steps.plan(id);
      if (cancelledBy != null) {
        return RequestStatus.CANCELLED;
      }
    }
    steps.apply(id);
    return RequestStatus.SUCCEEDED;
  }

  private void waitForWorkspace(String id) {
    while (cancelledBy == null && !bookkeeping.isFirstInLine(id)) {
      Workflow.await(LINE_RECHECK, () -> released || cancelledBy != null);
      released = false;
    }
  }

  @Override
  public void workspaceReleased() {
    released = true;
  }

  @Override
  public void cancel(String actor) {
    cancelledBy = actor;
  }
}
