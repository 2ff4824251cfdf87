package dev.pave.workflows.client;

import dev.pave.workflows.contract.ProvisionInput;
import dev.pave.workflows.contract.ProvisionWorkflow;
import dev.pave.workflows.contract.Provisioning;
import dev.pave.workflows.contract.RunDescription;
import dev.pave.workflows.contract.TaskQueues;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link Provisioning} on Temporal: a request's run is the provisioning workflow whose id is the
 * request id, so starting twice is harmless and anyone holding the id can find its history.
 */
public final class TemporalProvisioning implements Provisioning {

  private final WorkflowClient client;

  public TemporalProvisioning(WorkflowClient client) {
    this.client = client;
  }

  @Override
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

  @Override
  public void cancel(String requestId, String actor) {
    try {
      client.newWorkflowStub(ProvisionWorkflow.class, requestId).cancel(actor);
    } catch (WorkflowNotFoundException gone) {
      // It ended meanwhile; the stored cancel flag is checked when (if) it is resumed.
    }
  }

  @Override
  public void approvalDecided(String requestId) {
    try {
      client.newWorkflowStub(ProvisionWorkflow.class, requestId).approvalDecided();
    } catch (WorkflowNotFoundException gone) {
      // Not running right now (a restart in progress): the resumed workflow reads the stored decision.
    }
  }

  @Override
  public Optional<RunDescription> describe(String requestId) {
    WorkflowExecutionInfo info;
    try {
      info = client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
          DescribeWorkflowExecutionRequest.newBuilder().setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(requestId)).build())
          .getWorkflowExecutionInfo();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    boolean running = info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    Instant closedAt = running ? null
        : Instant.ofEpochSecond(info.getCloseTime().getSeconds(), info.getCloseTime().getNanos());
    return Optional.of(new RunDescription(info.getExecution().getRunId(), running, closedAt));
  }

  @Override
  public Optional<String> history(String requestId) {
    try {
      return Optional.of(client.fetchHistory(requestId).toJson(true));
    } catch (WorkflowNotFoundException | StatusRuntimeException gone) {
      return Optional.empty();
    }
  }

  @Override
  public String history(String requestId, String runId) {
    return client.fetchHistory(requestId, runId).toJson(true);
  }

  @Override
  public boolean reachable() {
    try {
      client.getWorkflowServiceStubs().blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
