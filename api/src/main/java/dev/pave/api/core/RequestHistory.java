package dev.pave.api.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.db.WorkflowHistoryStore;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.contract.Provisioning;
import java.util.List;
import java.util.Optional;

/**
 * The Temporal workflow history of a request, as JSON events, for auditors: the complete copy
 * archived when the workflow closed, checked against the hash the audit trail recorded for it;
 * while there is none, Temporal's live copy (not archived yet); else the snapshot the request's
 * last activity stored (a crash came between the request's end and the archive), checked too.
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

  public ServedHistory serve(String requestId) {
    Optional<WorkflowHistoryStore.Stored> complete = archive.stored(requestId, WorkflowHistoryStore.Kind.COMPLETE);
    if (complete.isPresent()) {
      return ServedHistory.of(complete.get());
    }
    Optional<String> live = provisioning.history(requestId);
    if (live.isPresent()) {
      boolean closed = provisioning.describe(requestId).map(run -> !run.running()).orElse(false);
      return ServedHistory.live(live.get(), closed);
    }
    return archive.stored(requestId, WorkflowHistoryStore.Kind.SNAPSHOT).map(ServedHistory::of)
        .orElseThrow(() -> new ApiException(404, "the workflow history of " + requestId + " is not held by"
            + " Temporal and was not archived (it ended before archiving existed, or Pave restarted before its"
            + " workflow closed)"));
  }

  public List<HistoryTimeline.Entry> timeline(ServedHistory history) {
    return timeline.of(history.json());
  }
}
