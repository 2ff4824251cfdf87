package dev.pave.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One input of a module as a form and the catalog show it, read from the module's published JSON
 * Schema (GET /v1/modules): the same schema the API validates against, so the page cannot drift
 * from the gate. {@code kind} picks the control: text, number, checkbox, select, password, json.
 */
public record InputField(String name, String label, String help, String kind, boolean required, String defaultValue,
    String example, List<String> choices, String min, String max, String pattern, String type) {

  static List<InputField> of(ObjectNode schema) {
    List<InputField> fields = new ArrayList<>();
    JsonNode required = schema.path("required");
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      fields.add(field(property.getKey(), property.getValue(), contains(required, property.getKey())));
    }
    return fields;
  }

  private static InputField field(String name, JsonNode p, boolean required) {
    String type = type(p.path("type"));
    List<String> choices = new ArrayList<>();
    p.path("enum").forEach(v -> choices.add(v.asText()));
    String kind;
    if (p.path("writeOnly").asBoolean(false)) {
      kind = "password"; // a sensitive input is never echoed back into the page
    } else if (!choices.isEmpty()) {
      kind = "select";
    } else if (type.equals("boolean")) {
      kind = "checkbox";
    } else if (type.equals("integer") || type.equals("number")) {
      kind = "number";
    } else if (type.equals("string")) {
      kind = "text";
    } else {
      kind = "json"; // lists, maps and objects are typed as JSON
    }
    return new InputField(name, p.path("title").asText(name), text(p.get("description")), kind, required,
        p.has("default") ? value(p.get("default")) : null, p.path("examples").isEmpty() ? null
        : value(p.path("examples").get(0)), choices, text(p.get("minimum")), text(p.get("maximum")),
        text(p.get("pattern")), type);
  }

  /** The JSON type of a property ("null" alongside it only says the input may be left out). */
  private static String type(JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
    }
    return type.asText("");
  }

  private static String value(JsonNode value) {
    return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }

  private static boolean contains(JsonNode array, String name) {
    for (JsonNode item : array) {
      if (item.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
