package dev.pave.workflows.contract;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One Pave request run as a guarded Terraform run. The workflow id is the request id, so a
 * request can never run twice at once and anyone holding the id can find its history.
 */
@WorkflowInterface
public interface ProvisionWorkflow {

  /** Returns the request's terminal status (as its wire name in the history: "succeeded"). */
  @WorkflowMethod
  RequestStatus run(ProvisionInput input);

  /** Sent by the request ahead in the workspace queue when it ends: "the workspace is yours now". */
  @SignalMethod
  void workspaceReleased();

  /** An approver decided (the decision is in Pave's tables): look at it now. */
  @SignalMethod
  void approvalDecided();

  /** A requester or admin cancels a request that has not started applying. */
  @SignalMethod
  void cancel(String actor);
}
