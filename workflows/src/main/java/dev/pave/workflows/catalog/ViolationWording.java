package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.catalog.CompiledSchema.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Puts the validator's findings in Pave's words: each names its field as a path a developer
 * reads ({@code inputs.owner.email}, {@code inputs.rules[1]["port"]}; map keys are data, so they
 * are quoted) and says what is expected, from the schema alone, never what was given (inputs may
 * hold secrets, and error messages end up in logs). A value of the wrong type gets only its type
 * error, not also every rule its type would have been checked against.
 */
class ViolationWording {
  /** The schema of a place the published schema says nothing about: {@code {}}, anything goes. */
  private static final JsonNode ANYTHING = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

  private final String rootField;

  ViolationWording(String rootField) {
    this.rootField = rootField;
  }

  /** Every problem of {@code value} against {@code schema}, sorted by field: fixed in one round. */
  final List<FieldError> explain(CompiledSchema schema, JsonNode value) {
    List<Worded> worded = new ArrayList<>();
    for (Violation violation : schema.violations(value)) {
      worded.add(word(schema.source(), value, violation));
    }
    Set<String> wrongType = worded.stream().filter(Worded::typeError).map(w -> w.error().field())
        .collect(Collectors.toSet());
    Set<FieldError> errors = new LinkedHashSet<>();
    for (Worded w : worded) {
      if (w.typeError() || !wrongType.contains(w.error().field())) {
        errors.add(w.error());
      }
    }
    List<FieldError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return List.copyOf(sorted);
  }

  /** The message for a key the top level does not declare; overridden where the top level is a module's inputs. */
  String unknownTopLevelKey(String key, Set<String> known) {
    return notAnAttribute(known);
  }

  /** The message for a null at the top level, where the schema does not allow one. */
  String nullAtTopLevel(String key, boolean required) {
    return "must not be null";
  }

  private record Worded(FieldError error, boolean typeError) {}

  /** A place in the value: its field path, the schema that applies there and the value found there. */
  private record Spot(String field, JsonNode schema, JsonNode value, int depth) {}

  private Worded word(JsonNode root, JsonNode value, Violation v) {
    String keyword = v.keyword();
    if (keyword.equals("required") || keyword.equals("additionalProperties")) {
      Spot parent = locate(root, value, v.location());
      List<Object> location = new ArrayList<>(v.location());
      location.add(v.property());
      Spot spot = locate(root, value, location);
      String message = keyword.equals("required") ? "is required"
          : parent.depth() == 0 ? unknownTopLevelKey(v.property(), known(parent.schema()))
          : notAnAttribute(known(parent.schema()));
      return new Worded(new FieldError(spot.field(), message), false);
    }
    Spot spot = locate(root, value, v.location());
    JsonNode rules = spot.schema() == null ? ANYTHING : spot.schema();
    if (keyword.equals("type")) {
      String topLevelKey = v.location().size() == 1 ? String.valueOf(v.location().get(0)) : null;
      return new Worded(new FieldError(spot.field(), typeMessage(spot, rules, topLevelKey, names(root.path("required")))),
          true);
    }
    return new Worded(new FieldError(spot.field(), ruleMessage(keyword, rules)), false);
  }

  private String typeMessage(Spot spot, JsonNode rules, String topLevelKey, Set<String> requiredAtTop) {
    if (spot.value() == null || spot.value().isNull()) {
      if (topLevelKey != null) {
        return nullAtTopLevel(topLevelKey, requiredAtTop.contains(topLevelKey));
      }
      return "must not be null";
    }
    return switch (expectedType(rules)) {
      case "string" -> "must be a string";
      case "number" -> "must be a number";
      case "integer" -> spot.value().isNumber() ? "must be a whole number" : "must be a number";
      case "boolean" -> "must be true or false";
      case "object" -> spot.depth() == 0 && rules.has("properties") ? "must be a JSON object"
          : rules.has("properties") ? "must be an object" : "must be a map (a JSON object)";
      case "array" -> rules.has("prefixItems") ? exactly(rules.get("prefixItems").size())
          : rules.path("uniqueItems").asBoolean() ? "must be a set (a JSON array of distinct values)"
          : "must be a list";
      default -> "must be of type " + expectedType(rules);
    };
  }

  private static String ruleMessage(String keyword, JsonNode rules) {
    JsonNode rule = rules.path(keyword);
    return switch (keyword) {
      case "pattern" -> "must match " + rule.asText();
      case "minLength" -> "must be at least " + rule.asText() + " characters long";
      case "maxLength" -> "must be at most " + rule.asText() + " characters long";
      case "minimum" -> "must be at least " + number(rule);
      case "maximum" -> "must be at most " + number(rule);
      case "exclusiveMinimum" -> "must be more than " + number(rule);
      case "exclusiveMaximum" -> "must be less than " + number(rule);
      case "multipleOf" -> "must be a multiple of " + number(rule);
      case "enum" -> "must be one of: " + shown(rule);
      case "const" -> "must be " + JsonValues.show(rule);
      case "uniqueItems" -> "must not repeat a value (it is a set)";
      case "minItems", "maxItems", "items" -> rules.has("prefixItems") ? exactly(rules.get("prefixItems").size())
          : keyword.equals("minItems") ? "must have at least " + rule.asText() + " elements"
          : keyword.equals("maxItems") ? "must have at most " + rule.asText() + " elements"
          : "has an element of the wrong kind";
      default -> "does not meet the module's input schema (" + keyword + ")";
    };
  }

  /**
   * Follows the violation's location through the value and the schema together: an object key
   * under {@code properties} is a name ({@code .email}), under {@code additionalProperties} a map
   * key ({@code ["team"]}); an index picks its {@code prefixItems} entry or {@code items}.
   */
  private Spot locate(JsonNode root, JsonNode value, List<Object> location) {
    String field = rootField;
    JsonNode schema = root;
    JsonNode here = value;
    for (Object element : location) {
      if (element instanceof Integer index) {
        field += "[" + index + "]";
        JsonNode prefix = schema == null ? null : schema.path("prefixItems").get(index);
        schema = prefix != null ? prefix : schema == null ? null : objectOrNull(schema.get("items"));
        here = here == null ? null : here.get(index);
      } else {
        String key = String.valueOf(element);
        if (schema != null && schema.has("properties")) {
          field += "." + key;
          schema = schema.get("properties").get(key);
        } else {
          field += "[" + quoted(key) + "]";
          schema = schema == null ? null : objectOrNull(schema.get("additionalProperties"));
        }
        here = here == null ? null : here.get(key);
      }
    }
    return new Spot(field, schema, here, location.size());
  }

  private static JsonNode objectOrNull(JsonNode schema) {
    return schema != null && schema.isObject() ? schema : null;
  }

  private static String expectedType(JsonNode rules) {
    JsonNode type = rules.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "null";
    }
    return type.asText("any");
  }

  private static Set<String> known(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    if (schema != null) {
      schema.path("properties").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new TreeSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static String notAnAttribute(Set<String> known) {
    return "is not an attribute of this object (known: " + String.join(", ", known) + ")";
  }

  private static String exactly(int size) {
    return "must be a list of exactly " + size + (size == 1 ? " element" : " elements");
  }

  private static String number(JsonNode rule) {
    return rule.isNumber() ? rule.decimalValue().stripTrailingZeros().toPlainString() : rule.asText();
  }

  private static String shown(JsonNode values) {
    List<String> shown = new ArrayList<>();
    values.forEach(v -> shown.add(JsonValues.show(v)));
    return String.join(", ", shown);
  }

  /** Map keys are data, not names: quote them so a key cannot pass itself off as a path. */
  private static String quoted(String key) {
    return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
