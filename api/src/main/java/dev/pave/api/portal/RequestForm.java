package dev.pave.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.api.ModuleView;
import dev.pave.api.api.NewRequest;
import dev.pave.api.errors.ApiError;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request form of one module: the fields from its published schema, the values typed (kept
 * when the request is refused, except sensitive ones), and the API's field errors beside their
 * fields. Form names are the API's field names ({@code workspace}, {@code inputs.database_name}),
 * so an error lands next to its field without any mapping.
 */
public record RequestForm(ModuleView module, List<Field> fields, Map<String, String> values,
    Map<String, String> errors, String problem, String idempotencyKey, List<String> environments,
    String workspaceEnvironment) {

  RequestForm(ModuleView module, List<Field> fields, Map<String, String> values, Map<String, String> errors,
      String problem, String idempotencyKey) {
    this(module, fields, values, errors, problem, idempotencyKey, List.of(), null);
  }

  /**
   * The form's environment select: the configured list, or, for an existing workspace of the
   * caller's team, only that workspace's environment (a workspace never changes environment).
   */
  RequestForm withEnvironments(List<String> configured, String ofExistingWorkspace) {
    return new RequestForm(module, fields, values, errors, problem, idempotencyKey,
        ofExistingWorkspace == null ? configured : List.of(ofExistingWorkspace), ofExistingWorkspace);
  }

  public record Field(InputField input, String name, String value, String error) {}

  /** The workspace field's hint: the API's rule, which the shipped naming policy agrees with. */
  public String workspaceRule() {
    return dev.pave.api.api.WorkspaceNameRule.TEXT;
  }

  static RequestForm blank(ModuleView module, String idempotencyKey) {
    Map<String, String> values = new HashMap<>(Map.of("environment", "dev", "ttlHours", "24"));
    return of(module, values, Map.of(), null, idempotencyKey);
  }

  static RequestForm of(ModuleView module, Map<String, String> values, Map<String, String> errors, String problem,
      String idempotencyKey) {
    List<Field> fields = InputField.of(module.inputSchema()).stream().map(input -> {
      String name = "inputs." + input.name();
      // A sensitive value is never sent back to the browser, not even after a refusal.
      String value = input.kind().equals("password") ? null : values.getOrDefault(name, input.defaultValue());
      return new Field(input, name, value, errors.get(name));
    }).toList();
    return new RequestForm(module, fields, values, errors, problem, idempotencyKey);
  }

  /** The API's body from the posted form: each input typed as its schema says; an empty field is left out. */
  static NewRequest body(ModuleView module, MultivaluedMap<String, String> form, String action, ObjectMapper json) {
    ObjectNode inputs = json.createObjectNode();
    for (InputField input : InputField.of(module.inputSchema())) {
      String raw = form.getFirst("inputs." + input.name());
      if (input.kind().equals("checkbox")) {
        inputs.put(input.name(), raw != null); // an unchecked box sends nothing: false
      } else if (raw != null && !raw.isBlank()) {
        inputs.set(input.name(), typed(input, raw.strip(), json));
      }
    }
    String ttl = form.getFirst("ttlHours");
    return new NewRequest(module.name(), module.version(), form.getFirst("workspace"), form.getFirst("environment"),
        action, inputs, ttl == null || ttl.isBlank() ? null : typed("integer", ttl.strip(), json));
  }

  private static JsonNode typed(InputField input, String raw, ObjectMapper json) {
    return input.kind().equals("json") ? parsedOrText(raw, json) : typed(input.type(), raw, json);
  }

  /** A value that is not of its type goes as text, so the API's validator names the field and the rule. */
  private static JsonNode typed(String type, String raw, ObjectMapper json) {
    try {
      return switch (type) {
        case "integer", "number" -> numberOrText(raw, json);
        case "boolean" -> raw.equals("true") || raw.equals("false")
            ? json.getNodeFactory().booleanNode(Boolean.parseBoolean(raw)) : json.getNodeFactory().textNode(raw);
        default -> json.getNodeFactory().textNode(raw);
      };
    } catch (NumberFormatException e) {
      return json.getNodeFactory().textNode(raw);
    }
  }

  /**
   * JSON's own reading of a number, so "20" is the integer 20 (a BigDecimal would not count as a
   * whole number); BigDecimal first refuses anything that is not one number (NumberFormatException).
   */
  private static JsonNode numberOrText(String raw, ObjectMapper json) {
    new BigDecimal(raw);
    JsonNode parsed = parsedOrText(raw, json);
    return parsed.isNumber() ? parsed : json.getNodeFactory().textNode(raw);
  }

  private static JsonNode parsedOrText(String raw, ObjectMapper json) {
    try {
      return json.readTree(raw);
    } catch (Exception e) {
      return json.getNodeFactory().textNode(raw);
    }
  }

  /** The refused form: the values posted (sensitive ones dropped), each error under its field. */
  static RequestForm refused(ModuleView module, MultivaluedMap<String, String> form, ApiError error,
      String idempotencyKey) {
    Map<String, String> values = new HashMap<>();
    form.forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.get(0)));
    Map<String, String> errors = new HashMap<>();
    StringBuilder unplaced = new StringBuilder();
    for (ApiError.FieldMessage message : error.errors()) {
      errors.merge(message.field(), said(message), (a, b) -> a + "; " + b);
    }
    RequestForm shown = of(module, values, errors, null, idempotencyKey);
    for (ApiError.FieldMessage message : error.errors()) {
      boolean placed = message.field().equals("workspace") || message.field().equals("environment")
          || message.field().equals("ttlHours")
          || shown.fields().stream().anyMatch(f -> f.name().equals(message.field()));
      if (!placed) {
        // A policy about the request as a whole (field "request") has no field to stand beside.
        unplaced.append(unplaced.length() == 0 ? "" : "; ")
            .append(message.policy() != null ? said(message) : message.field() + " " + message.message());
      }
    }
    String problem = error.errors().isEmpty() ? error.message()
        : "The request was not accepted: fix the fields marked below." + (unplaced.length() == 0 ? "" : " " + unplaced);
    return new RequestForm(module, shown.fields(), values, errors, problem, idempotencyKey);
  }

  /** A policy's refusal names the policy, so the requester knows which rule to read. */
  private static String said(ApiError.FieldMessage message) {
    return message.policy() == null ? message.message() : "Policy " + message.policy() + ": " + message.message();
  }
}
