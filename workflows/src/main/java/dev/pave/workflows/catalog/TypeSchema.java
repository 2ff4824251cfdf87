package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.workflows.catalog.TerraformType.Collection;
import dev.pave.workflows.catalog.TerraformType.ObjectType;
import dev.pave.workflows.catalog.TerraformType.Primitive;
import dev.pave.workflows.catalog.TerraformType.Tuple;

/**
 * The JSON Schema (2020-12) of a Terraform type, checked strictly: Terraform would turn "5" into
 * 5 or drop an unknown object attribute, but a request that relies on that is more likely a
 * mistake than an intent. Sets are arrays of distinct values, tuples have exactly their length.
 */
final class TypeSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TypeSchema() {}

  static ObjectNode of(TerraformType type) {
    ObjectNode schema = JSON.objectNode();
    if (type instanceof Primitive primitive) {
      switch (primitive) {
        case STRING -> schema.put("type", "string");
        case NUMBER -> schema.put("type", "number");
        case BOOL -> schema.put("type", "boolean");
        case ANY -> { } // any JSON value
      }
    } else if (type instanceof Collection collection) {
      if (collection.kind() == Collection.Kind.MAP) {
        schema.put("type", "object").set("additionalProperties", of(collection.element()));
      } else {
        schema.put("type", "array").set("items", of(collection.element()));
        if (collection.kind() == Collection.Kind.SET) {
          schema.put("uniqueItems", true);
        }
      }
    } else if (type instanceof ObjectType object) {
      ObjectNode properties = JSON.objectNode();
      ArrayNode required = JSON.arrayNode();
      object.attributes().forEach((name, attribute) -> {
        properties.set(name, of(attribute.type()));
        if (!attribute.optional()) {
          required.add(name);
        }
      });
      schema.put("type", "object");
      schema.set("properties", properties);
      schema.set("required", required);
      schema.put("additionalProperties", false);
    } else if (type instanceof Tuple tuple) {
      ArrayNode prefixItems = JSON.arrayNode();
      tuple.elements().forEach(element -> prefixItems.add(of(element)));
      schema.put("type", "array");
      schema.set("prefixItems", prefixItems);
      schema.put("items", false);
      schema.put("minItems", tuple.elements().size());
      schema.put("maxItems", tuple.elements().size());
    }
    return schema;
  }
}
