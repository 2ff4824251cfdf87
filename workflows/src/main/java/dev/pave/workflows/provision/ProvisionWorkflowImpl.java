package dev.pave.workflows.provision;

import dev.pave.workflows.activities.Admission;
import dev.pave.workflows.activities.ApplyOutcome;
import dev.pave.workflows.activities.PolicyCheck;
import dev.pave.workflows.activities.RunStart;
import dev.pave.workflows.contract.ProvisionInput;
import dev.pave.workflows.contract.ProvisionWorkflow;
import dev.pave.workflows.contract.RequestStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Orchestration only: no I/O, no clock, no randomness. The order is the product's promise:
 * wait for the workspace, check the request against policy before any Terraform runs, init,
 * plan (saved), check the plan, wait for an approval only where a policy demands one, apply
 * exactly the checked (and approved) plan, record the outcome, hand the workspace on. A
 * speculative plan stops after its plan is checked and hands the workspace on at once. Steps
 * that follow each other unconditionally share an activity (admit: queue and request policy;
 * initAndPlan: init, plan and plan policy), so a request pays few Temporal round trips.
 */
public class ProvisionWorkflowImpl implements ProvisionWorkflow {

  /** Signals can be missed (the next workflow may not have started yet); re-check this often. */
  private static final Duration LINE_RECHECK = Duration.ofSeconds(30);

  /** A plan that keeps going stale means something else keeps changing the state: stop and say so. */
  private static final int MAX_REPLANS = 3;

  private final Steps steps = new Steps();
  private final ApprovalWait approval = new ApprovalWait(steps.guardrails);

  private boolean released;
  private String cancelledBy;
  private String error;

  @Override
  public RequestStatus run(ProvisionInput input) {
    String id = input.requestId();
    Admission admission = waitForWorkspace(id);
    RequestStatus outcome;
    try {
      outcome = cancelledBy != null ? RequestStatus.CANCELLED : runSteps(id, admission.start(), admission.requestCheck());
    } catch (ActivityFailure failure) {
      outcome = RequestStatus.FAILED;
      error = FailureMessages.of(failure);
    }
    if (outcome == RequestStatus.CANCELLED) {
      error = "cancelled by " + cancelledBy;
    }
    String next = steps.bookkeeping.finish(id, outcome, error);
    if (next != null) {
      WorkspaceLine.handOver(next);
    }
    return outcome;
  }

  private RequestStatus runSteps(String id, RunStart start, PolicyCheck request) {
    if (start.cancelRequested() && cancelledBy == null) {
      cancelledBy = "requester";
    }
    if (cancelledBy != null) {
      return RequestStatus.CANCELLED;
    }
    boolean needsApproval = start.phase() == RunStart.Phase.APPROVAL;
    if (start.phase() == RunStart.Phase.START) {
      if (request.denied()) {
        error = request.message();
        return RequestStatus.DENIED;
      }
      PolicyCheck plan = steps.terraform.initAndPlan(id).check();
      if (plan.denied()) {
        error = plan.message();
        return RequestStatus.DENIED;
      }
      if (SpeculativePlans.endsAfterCheck(start)) {
        // Planned and checked is all a preview does; what its apply would wait for is in its policies.
        return cancelledBy != null ? RequestStatus.CANCELLED : RequestStatus.SUCCEEDED;
      }
      needsApproval = request.needsApproval() || plan.needsApproval();
    }
    for (int replans = 0; ; replans++) {
      if (cancelledBy != null) {
        return RequestStatus.CANCELLED;
      }
      if (needsApproval) {
        RequestStatus decided = approval.await(id, () -> cancelledBy, replans > 0);
        if (decided != null) {
          error = approval.reason();
          return decided;
        }
      }
      try {
        ApplyOutcome applied = steps.terraform.apply(id);
        if (!applied.applied()) { // the cancel won the race with the apply: nothing was applied
          cancelledBy = cancelledBy != null ? cancelledBy : applied.cancelledBy();
          return RequestStatus.CANCELLED;
        }
        return RequestStatus.SUCCEEDED;
      } catch (ActivityFailure failure) {
        if (!FailureMessages.isStalePlan(failure) || replans >= MAX_REPLANS) {
          throw failure;
        }
      }
      // The state moved since the plan was made: plan and check again (and ask again if a
      // policy wants a human), never apply blind and never fail the request for this alone.
      PolicyCheck plan = steps.terraform.plan(id).check();
      if (plan.denied()) {
        error = plan.message();
        return RequestStatus.DENIED;
      }
      needsApproval = needsApproval || plan.needsApproval();
    }
  }

  /** Until the request holds its workspace (and has been admitted), or is cancelled while in line. */
  private Admission waitForWorkspace(String id) {
    Admission admission = Admission.waiting();
    while (cancelledBy == null && !(admission = steps.bookkeeping.admit(id)).claimed()) {
      Workflow.await(LINE_RECHECK, () -> released || cancelledBy != null);
      released = false;
    }
    return admission;
  }

  @Override
  public void workspaceReleased() {
    released = true;
  }

  @Override
  public void cancel(String actor) {
    cancelledBy = actor;
  }

  @Override
  public void approvalDecided() {
    approval.decided();
  }
}
