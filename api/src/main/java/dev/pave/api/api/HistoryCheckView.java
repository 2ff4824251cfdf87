package dev.pave.api.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pave.api.core.HistoryTimeline;
import dev.pave.api.core.ServedHistory;
import java.util.List;

/**
 * GET /v1/requests/{id}/history?format=timeline, and the answer (in either format) for an
 * archived copy the audit trail does not vouch for: then no events, and {@code problem} says why.
 *
 * @param verified absent for Temporal's live copy (nothing archived to check yet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryCheckView(boolean archived, boolean complete, Boolean verified, String sha256, String trailSha256,
    String problem, List<HistoryTimeline.Entry> events) {

  public static HistoryCheckView timeline(ServedHistory history, List<HistoryTimeline.Entry> events) {
    return new HistoryCheckView(history.archived(), history.complete(), history.verified(), history.sha256(),
        history.trailSha256(), null, events);
  }

  public static HistoryCheckView disowned(ServedHistory history) {
    return new HistoryCheckView(history.archived(), history.complete(), false, history.sha256(), history.trailSha256(),
        history.verdict(), null);
  }
}
