package dev.pave.api.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.db.WorkflowHistoryStore;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.contract.Provisioning;
import java.util.List;

/**
 * The Temporal workflow history of a request, as JSON events, for auditors: Temporal's copy
 * while it holds one, else the copy archived when the workflow closed (the embedded Temporal
 * forgets at restart, a cluster after its retention).
 */
public final class RequestHistory {

  private final Provisioning provisioning;
  private final WorkflowHistoryStore archive;
  private final HistoryTimeline timeline;

  public RequestHistory(Provisioning provisioning, WorkflowHistoryStore archive, ObjectMapper json) {
    this.provisioning = provisioning;
    this.archive = archive;
    this.timeline = new HistoryTimeline(json);
  }

  public String json(String requestId) {
    return provisioning.history(requestId).or(() -> archive.latest(requestId))
        .orElseThrow(() -> new ApiException(404, "the workflow history of " + requestId + " is not held by"
            + " Temporal and was not archived (it ended before archiving existed, or Pave restarted before its"
            + " workflow closed)"));
  }

  public List<HistoryTimeline.Entry> timeline(String requestId) {
    return timeline.of(json(requestId));
  }
}
