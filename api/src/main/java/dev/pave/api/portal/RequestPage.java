package dev.pave.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.api.RequestLogsView;
import dev.pave.api.api.RequestView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import dev.pave.api.feedback.FeedbackView;
import dev.pave.workflows.contract.RequestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the request page shows, built from the API's own RequestView (outputs already redacted by
 * RequestViews). The buttons shown only mirror the services' rules; the services still decide.
 */
public record RequestPage(RequestView request, boolean terminal, boolean waiting, List<NameValue> outputs,
    List<NameValue> inputs, boolean mayCancel, boolean asksFeedback, FeedbackView feedback, String problem,
    boolean auditor, List<RequestLogsView.StepOutput> logs, Map<String, String> preview) {

  public record NameValue(String name, String value) {}

  /**
   * {@code logs}: Terraform's output per step, already masked; {@code preview}: for a speculative
   * plan, the values its "Request" button submits as the real apply (null for any other request).
   */
  static RequestPage of(RequestView request, PavePrincipal caller, boolean isRequester, FeedbackView feedback,
      String problem, List<RequestLogsView.StepOutput> logs, Map<String, String> preview) {
    boolean terminal = RequestStatus.fromWire(request.status()).terminal();
    boolean mayCancel = !terminal && caller.role() != Role.AUDITOR && (caller.role() == Role.ADMIN || isRequester);
    return new RequestPage(request, terminal, "awaiting_approval".equals(request.status()), pairs(request.outputs()),
        pairs(request.inputs()), mayCancel, terminal && isRequester && feedback == null, feedback, problem,
        caller.role() == Role.AUDITOR || caller.role() == Role.ADMIN, logs, preview);
  }

  private static List<NameValue> pairs(JsonNode object) {
    List<NameValue> pairs = new ArrayList<>();
    if (object != null && object.isObject()) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        pairs.add(new NameValue(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
      }
    }
    return pairs;
  }
}
