package dev.pave.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.api.ModuleView;
import dev.pave.api.api.RequestView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form values a preview (a speculative plan) was asked with, read back from its request, so
 * its page can go back to the form with them, or submit the apply it previewed. A sensitive input
 * is never among them: it is typed again, never echoed into a page.
 */
final class PreviewValues {

  private PreviewValues() {}

  /** Form names (the API's field names) to values, as RequestForm#body reads them back. */
  static Map<String, String> of(RequestView preview, ModuleView module) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("workspace", preview.workspace());
    if (preview.environment() != null) {
      values.put("environment", preview.environment());
    }
    if (preview.ttlHours() != null) {
      values.put("ttlHours", preview.ttlHours().toString());
    }
    JsonNode inputs = preview.inputs();
    for (InputField input : InputField.of(module.inputSchema())) {
      JsonNode value = inputs == null ? null : inputs.get(input.name());
      if (input.kind().equals("password") || value == null || value.isNull()
          || (input.kind().equals("checkbox") && !value.asBoolean())) { // an unchecked box sends nothing
        continue;
      }
      values.put("inputs." + input.name(), value.isTextual() ? value.asText() : value.toString());
    }
    return values;
  }
}
