package dev.pave.api.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The definitions, shipped in every response so a number is never read without its meaning. */
final class MetricDefinitions {

  static final Map<String, String> ALL = build();

  private MetricDefinitions() {}

  private static Map<String, String> build() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("window", "Terminal numbers (lead time, outcomes, rates) count requests that ended in [since, until);"
        + " adoption counts requests accepted in it. Weeks are ISO weeks (Monday 00:00 UTC), clipped to the window.");
    d.put("leadTime", "From POST accepted to succeeded, for succeeded requests. Percentiles are nearest-rank: the"
        + " smallest lead time with at least p% of lead times at or below it. Milliseconds.");
    d.put("leadTime.split", "Means per succeeded request: queueMs (accepted until a worker starts it), machineMs"
        + " (init, plan, policy, apply), humanMs (approval wait), otherMs (between steps); they add up to meanMs.");
    d.put("selfServiceRate", "Terminal requests that succeeded with no human step, divided by all terminal"
        + " requests except those cancelled by their own requester.");
    d.put("outcomes", "Requests that ended in the window, by terminal status.");
    d.put("changeFailureRate", "Requests whose apply step ran and whose last apply step failed, divided by"
        + " requests whose apply step ran.");
    d.put("adoption", "Requests accepted in the window and workspaces live now, per module and per team;"
        + " weekly liveWorkspaces is the count at the end of each week.");
    d.put("leadTimeByModule", "leadTime for each golden path (module) with requests that succeeded in the window.");
    d.put("satisfactionByModule", "Per module, of the requests that ended in the window: responses to \"How was"
        + " this?\" (one per request, by its requester), meanScore (1 to 5) and responseRate (responses / ended).");
    d.put("inProgress", "Requests accepted in the window that have not ended yet.");
    return Collections.unmodifiableMap(d);
  }
}
