package dev.pave.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A workflow history (Temporal's JSON, live or archived) as a list an auditor can read: what
 * happened when, which activity, who caused it, how it ended. Temporal's bookkeeping (workflow
 * tasks) is left out; activity results are not shown, only whether they completed, so nothing
 * beyond the raw history's own content can leak here.
 */
public final class HistoryTimeline {

  /** One line: event is Temporal's event type in lower case without its prefix. */
  public record Entry(String time, String event, String activity, String actor, String outcome) {}

  private static final String SYSTEM = "system";

  private final ObjectMapper json;

  public HistoryTimeline(ObjectMapper json) {
    this.json = json;
  }

  public List<Entry> of(String historyJson) {
    JsonNode events;
    try {
      events = json.readTree(historyJson).path("events");
    } catch (IOException unreadable) {
      throw new UncheckedIOException("a workflow history is not JSON", unreadable);
    }
    Map<String, String> activityBySchedule = new HashMap<>();
    List<Entry> timeline = new ArrayList<>();
    for (JsonNode event : events) {
      String type = event.path("eventType").asText();
      if (type.startsWith("EVENT_TYPE_WORKFLOW_TASK_")) {
        continue; // Temporal's own bookkeeping, not a step of the request
      }
      String name = type.replaceFirst("^EVENT_TYPE_", "").toLowerCase(Locale.ROOT);
      String time = event.path("eventTime").asText();
      String activity = null;
      String actor = SYSTEM;
      String outcome = null;
      JsonNode scheduled = event.path("activityTaskScheduledEventAttributes");
      if (!scheduled.isMissingNode()) {
        activity = scheduled.path("activityType").path("name").asText();
        activityBySchedule.put(event.path("eventId").asText(), activity);
        if ("CloseApproval".equals(activity)) { // (requestId, outcome, actor): who decided
          List<String> args = texts(scheduled.path("input"));
          outcome = args.size() > 1 ? args.get(1) : null;
          actor = args.size() > 2 && args.get(2) != null ? args.get(2) : SYSTEM;
        }
      }
      for (String ended : List.of("activityTaskStartedEventAttributes", "activityTaskCompletedEventAttributes",
          "activityTaskFailedEventAttributes", "activityTaskTimedOutEventAttributes",
          "activityTaskCanceledEventAttributes")) {
        JsonNode attributes = event.path(ended);
        if (!attributes.isMissingNode()) {
          activity = activityBySchedule.get(attributes.path("scheduledEventId").asText());
          outcome = attributes.has("failure") ? attributes.path("failure").path("message").asText()
              : ended.contains("Completed") ? "ok" : ended.contains("TimedOut") ? "timed out" : null;
        }
      }
      JsonNode signal = event.path("workflowExecutionSignaledEventAttributes");
      if (!signal.isMissingNode()) {
        outcome = signal.path("signalName").asText();
        List<String> args = texts(signal.path("input"));
        if ("cancel".equals(outcome) && !args.isEmpty() && args.get(0) != null) {
          actor = args.get(0);
        }
      }
      JsonNode completed = event.path("workflowExecutionCompletedEventAttributes");
      if (!completed.isMissingNode()) {
        List<String> result = texts(completed.path("result"));
        outcome = result.isEmpty() ? null : result.get(0);
      }
      JsonNode failed = event.path("workflowExecutionFailedEventAttributes");
      if (!failed.isMissingNode()) {
        outcome = failed.path("failure").path("message").asText();
      }
      JsonNode timer = event.path("timerStartedEventAttributes");
      if (!timer.isMissingNode()) {
        outcome = "waits up to " + timer.path("startToFireTimeout").asText();
      }
      timeline.add(new Entry(time, name, activity, actor, outcome));
    }
    return timeline;
  }

  /** Temporal's payloads (base64 JSON, one per argument) as text: strings as they are, others as JSON. */
  private List<String> texts(JsonNode payloads) {
    List<String> texts = new ArrayList<>();
    for (JsonNode payload : payloads.path("payloads")) {
      try {
        JsonNode value = json.readTree(Base64.getDecoder().decode(payload.path("data").asText()));
        texts.add(value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString());
      } catch (IOException | IllegalArgumentException notJson) {
        texts.add(null);
      }
    }
    return texts;
  }
}
