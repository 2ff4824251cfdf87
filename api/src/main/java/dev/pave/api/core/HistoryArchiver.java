package dev.pave.api.core;

import dev.pave.api.db.WorkflowHistoryStore;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the whole history of every ended request's closed workflow into PostgreSQL. It runs
 * beside the worker and asks Temporal after the fact, because nothing inside the workflow can
 * see its own closing events. Idempotent and restartable: each pass takes the ended requests
 * that have no archived history yet, so a history missed while Pave was down is archived on the
 * next start, as long as Temporal still holds it.
 */
public final class HistoryArchiver {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryArchiver.class);

  /** Longer than any Temporal retention Pave is run with: older requests are not asked about. */
  static final Duration LOOK_BACK = Duration.ofDays(30);
  private static final int BATCH = 200;

  private final WorkflowClient client;
  private final WorkflowHistoryStore store;
  private final Clock clock;
  /** Ended requests whose workflow this Temporal no longer (or never) held: not asked again until restart. */
  private final Set<String> notInTemporal = ConcurrentHashMap.newKeySet();

  public HistoryArchiver(WorkflowClient client, WorkflowHistoryStore store, Clock clock) {
    this.client = client;
    this.store = store;
    this.clock = clock;
  }

  /** One pass: archives what can be archived now, returns how many histories it stored. */
  public int archiveEnded() {
    int archived = 0;
    for (String requestId : store.endedWithoutHistory(clock.instant().minus(LOOK_BACK), BATCH + notInTemporal.size())) {
      if (!notInTemporal.contains(requestId) && archive(requestId)) {
        archived++;
      }
    }
    return archived;
  }

  /** False while the workflow is still closing (the request ended a moment before it), or gone. */
  private boolean archive(String requestId) {
    WorkflowExecutionInfo info;
    try {
      info = client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
          DescribeWorkflowExecutionRequest.newBuilder().setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(requestId)).build())
          .getWorkflowExecutionInfo();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        notInTemporal.add(requestId);
        return false;
      }
      throw e;
    }
    if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return false;
    }
    String runId = info.getExecution().getRunId();
    String json = client.fetchHistory(requestId, runId).toJson(true);
    Instant closedAt = Instant.ofEpochSecond(info.getCloseTime().getSeconds(), info.getCloseTime().getNanos());
    String hash = store.archive(requestId, requestId, runId, closedAt, json);
    // The store records the hash on the audit trail in the archive's own transaction.
    LOG.debug("archived the workflow history of {} ({})", requestId, hash);
    return true;
  }
}
