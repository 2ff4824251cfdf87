package dev.pave.api.core;

import dev.pave.api.db.RequestDao;
import dev.pave.workflows.contract.ProvisionInput;
import dev.pave.workflows.contract.ProvisionWorkflow;
import dev.pave.workflows.contract.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, signals and resumes request workflows. The workflow id is the request id, so starting
 * twice is harmless: it is how resumption after a restart stays idempotent.
 */
public final class RunStarter {

  private static final Logger LOG = LoggerFactory.getLogger(RunStarter.class);

  private final WorkflowClient client;
  private final Jdbi jdbi;

  public RunStarter(WorkflowClient client, Jdbi jdbi) {
    this.client = client;
    this.jdbi = jdbi;
  }

  public void start(String requestId) {
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setWorkflowId(requestId)
        .setTaskQueue(TaskQueues.PROVISION)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .build();
    try {
      WorkflowClient.start(client.newWorkflowStub(ProvisionWorkflow.class, options)::run, new ProvisionInput(requestId));
    } catch (WorkflowExecutionAlreadyStarted running) {
      // Already running (a retry, or a cluster that kept it across our restart): nothing to do.
    }
  }

  /**
   * Starts the request's workflow; if Temporal cannot be reached, the request stays accepted
   * (it is in PostgreSQL) and the sweeper of a worker process starts it once Temporal answers.
   */
  public void startOrLeaveToSweeper(String requestId) {
    try {
      start(requestId);
    } catch (RuntimeException temporalDown) {
      LOG.warn("request {} accepted; its workflow will start when Temporal answers ({})", requestId,
          temporalDown.getClass().getSimpleName());
    }
  }

  public void cancel(String requestId, String actor) {
    try {
      client.newWorkflowStub(ProvisionWorkflow.class, requestId).cancel(actor);
    } catch (WorkflowNotFoundException gone) {
      // It ended meanwhile; the stored cancel flag is checked when (if) it is resumed.
    }
  }

  public void approvalDecided(String requestId) {
    try {
      client.newWorkflowStub(ProvisionWorkflow.class, requestId).approvalDecided();
    } catch (WorkflowNotFoundException gone) {
      // Not running right now (a restart in progress): the resumed workflow reads the stored decision.
    }
  }

  /** Every request that is not terminal gets its workflow back (the embedded Temporal forgets on restart). */
  public int resumeUnfinished() {
    List<String> unfinished = jdbi.onDemand(RequestDao.class).unfinished();
    for (String id : unfinished) {
      start(id);
    }
    return unfinished.size();
  }
}
