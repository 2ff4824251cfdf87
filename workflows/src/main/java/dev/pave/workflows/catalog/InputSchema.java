package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of a module's request inputs, for forms, the CLI and {@code GET /v1/modules}.
 * It is also the gate: {@link InputValidator} checks requests against exactly this schema, so
 * what a client validates against is what Pave enforces.
 */
final class InputSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private InputSchema() {}

  static ObjectNode of(CatalogModule module) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("title", module.displayName());
    if (module.description() != null) {
      schema.put("description", module.description());
    }
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (ModuleInput input : module.inputs()) {
      properties.set(input.name(), property(input));
      if (input.required()) {
        required.add(input.name());
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode property(ModuleInput input) {
    ObjectNode rules = valueSchema(input.type(), input.hints());
    ObjectNode property = JSON.objectNode();
    JsonNode type = rules.remove("type");
    if (type != null) {
      boolean nullable = input.defaultValue() != null && input.defaultValue().isNull();
      property.set("type", nullable ? JSON.arrayNode().add(type).add("null") : type);
    }
    InputHints hints = input.hints();
    putIfSet(property, "title", hints.title());
    putIfSet(property, "description", input.description());
    if (input.sensitive()) {
      // A sensitive variable's default may itself be a secret: never publish it.
      property.put("writeOnly", true);
    } else if (input.defaultValue() != null) {
      property.set("default", input.defaultValue().deepCopy());
    }
    property.setAll(rules);
    if (hints.example() != null) {
      property.putArray("examples").add(hints.example().deepCopy());
    }
    return property;
  }

  /**
   * What a value of this type must be, with the hints that check it (pattern, lengths, bounds,
   * whole numbers, enum): the rules of the gate, without the labels. Also how the catalog checks
   * a module's own defaults, examples and enum values at load.
   */
  static ObjectNode valueSchema(TerraformType terraformType, InputHints hints) {
    ObjectNode schema = TypeSchema.of(terraformType);
    if (schema.has("type") && hints.wholeNumbersOnly()) {
      schema.put("type", "integer"); // HintConsistency allows the hint on number variables only
    }
    putIfSet(schema, "pattern", hints.pattern() == null ? null : anchored(hints.pattern()));
    if (hints.minLength() != null) {
      schema.put("minLength", hints.minLength());
    }
    if (hints.maxLength() != null) {
      schema.put("maxLength", hints.maxLength());
    }
    if (hints.minimum() != null) {
      schema.put("minimum", hints.minimum());
    }
    if (hints.maximum() != null) {
      schema.put("maximum", hints.maximum());
    }
    if (hints.enumValues() != null) {
      ArrayNode values = schema.putArray("enum");
      hints.enumValues().forEach(v -> values.add(v.deepCopy()));
    }
    return schema;
  }

  /**
   * JSON Schema's pattern matches anywhere in the value, Pave's must match all of it: anchor the
   * published pattern unless it plainly is already (an alternation such as {@code ^a|b$} is not).
   */
  static String anchored(String pattern) {
    boolean alreadyAnchored = pattern.startsWith("^") && pattern.endsWith("$")
        && !pattern.endsWith("\\$") && !pattern.contains("|");
    return alreadyAnchored ? pattern : "^(?:" + pattern + ")$";
  }

  private static void putIfSet(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
