package dev.pave.api.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.db.RequestRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The body of a delivery, built from the request's row at send time: what happened to which
 * request, never its inputs, outputs or any secret. The same on every attempt, so a signature
 * can be checked against any of them.
 */
final class DeliveryPayload {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeliveryPayload() {}

  /**
   * Standard Webhooks: {type, timestamp, data: {requestId, action, module, workspace, environment,
   * team, status, url?}}. {@code action} tells a speculative plan's "succeeded" (planned, nothing
   * applied) from an apply's.
   */
  static String standard(String event, Instant occurredAt, String status, RequestRow request, String requestUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", event);
    body.put("timestamp", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString()); // as precise as the API's times
    ObjectNode data = body.putObject("data");
    data.put("requestId", request.id());
    data.put("action", request.action());
    data.put("module", request.module());
    data.put("workspace", request.workspace());
    data.put("environment", request.environment());
    data.put("team", request.team());
    data.put("status", status);
    if (requestUrl != null) {
      data.put("url", requestUrl);
    }
    return write(body);
  }

  /** A Slack incoming webhook's {"text": ...}, in Slack's markup (&, <, > escaped). */
  static String slack(String status, RequestRow request, String requestUrl) {
    String kind = "plan".equals(request.action()) ? "speculative plan " : request.action() + " request ";
    String text = "Pave: " + kind + request.id() + " (" + request.module() + ", workspace " + request.workspace()
        + ", " + request.environment() + ", team " + request.team() + ") is " + status.replace('_', ' ') + ".";
    text = escape(text);
    if (requestUrl != null) {
      text += " <" + escape(requestUrl) + "|Open it in Pave>";
    }
    return write(JSON.createObjectNode().put("text", text));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
