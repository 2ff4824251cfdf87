package dev.pave.workflows.provision;

import dev.pave.workflows.contract.ProvisionWorkflow;
import io.temporal.workflow.Workflow;

/** Hands a workspace to the next request in its line, by signalling that request's workflow. */
final class WorkspaceLine {

  private WorkspaceLine() {}

  static void handOver(String nextRequestId) {
    ProvisionWorkflow next = Workflow.newExternalWorkflowStub(ProvisionWorkflow.class, nextRequestId);
    try {
      next.workspaceReleased();
    } catch (RuntimeException notRunningYet) {
      // The next workflow may not be started yet (it is being resumed, or its start is in
      // flight); it checks the line itself when it starts and every 30 s, so nothing is lost.
    }
  }
}
