package dev.pave.api.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.db.WorkflowHistoryStore;
import dev.pave.api.errors.ApiException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.List;

/**
 * The Temporal workflow history of a request, as JSON events, for auditors: Temporal's copy
 * while it holds one, else the copy archived when the workflow closed (the embedded Temporal
 * forgets at restart, a cluster after its retention).
 */
public final class RequestHistory {

  private final WorkflowClient client;
  private final WorkflowHistoryStore archive;
  private final HistoryTimeline timeline;

  public RequestHistory(WorkflowClient client, WorkflowHistoryStore archive, ObjectMapper json) {
    this.client = client;
    this.archive = archive;
    this.timeline = new HistoryTimeline(json);
  }

  public String json(String requestId) {
    try {
      return client.fetchHistory(requestId).toJson(true);
    } catch (WorkflowNotFoundException | io.grpc.StatusRuntimeException gone) {
      return archive.latest(requestId).orElseThrow(() -> new ApiException(404, "the workflow history of "
          + requestId + " is not held by Temporal and was not archived (it ended before archiving"
          + " existed, or Pave restarted before its workflow closed)"));
    }
  }

  public List<HistoryTimeline.Entry> timeline(String requestId) {
    return timeline.of(json(requestId));
  }
}
