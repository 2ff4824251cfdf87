package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.catalog.TerraformType.Attribute;
import dev.pave.workflows.catalog.TerraformType.Collection;
import dev.pave.workflows.catalog.TerraformType.ObjectType;
import dev.pave.workflows.catalog.TerraformType.Primitive;
import dev.pave.workflows.catalog.TerraformType.Tuple;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a JSON value against a Terraform type strictly: Terraform would turn "5" into 5 or drop
 * an unknown object attribute, but a request that relies on that is more likely a mistake than an
 * intent. Messages say what is expected, never what was given, because inputs may hold secrets.
 */
final class TypeCheck {
  private TypeCheck() {}

  static void check(String field, TerraformType type, JsonNode value, List<FieldError> errors) {
    if (value == null || value.isNull()) {
      errors.add(new FieldError(field, "must not be null"));
    } else if (type instanceof Primitive primitive) {
      primitive(field, primitive, value, errors);
    } else if (type instanceof Collection collection) {
      collection(field, collection, value, errors);
    } else if (type instanceof ObjectType object) {
      object(field, object, value, errors);
    } else if (type instanceof Tuple tuple) {
      tuple(field, tuple, value, errors);
    }
  }

  private static void primitive(String field, Primitive type, JsonNode value, List<FieldError> errors) {
    String problem = switch (type) {
      case STRING -> value.isTextual() ? null : "must be a string";
      case NUMBER -> value.isNumber() ? null : "must be a number";
      case BOOL -> value.isBoolean() ? null : "must be true or false";
      case ANY -> null;
    };
    if (problem != null) {
      errors.add(new FieldError(field, problem));
    }
  }

  private static void collection(String field, Collection type, JsonNode value, List<FieldError> errors) {
    switch (type.kind()) {
      case LIST, SET -> {
        if (!value.isArray()) {
          errors.add(new FieldError(field, type.kind() == Collection.Kind.SET
              ? "must be a set (a JSON array of distinct values)" : "must be a list"));
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(field + "[" + i + "]", type.element(), value.get(i), errors);
        }
        if (type.kind() == Collection.Kind.SET && hasRepeats(value)) {
          errors.add(new FieldError(field, "must not repeat a value (it is a set)"));
        }
      }
      case MAP -> {
        if (!value.isObject()) {
          errors.add(new FieldError(field, "must be a map (a JSON object)"));
          return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          check(field + "[" + quoted(entry.getKey()) + "]", type.element(), entry.getValue(), errors);
        }
      }
    }
  }

  private static void object(String field, ObjectType type, JsonNode value, List<FieldError> errors) {
    if (!value.isObject()) {
      errors.add(new FieldError(field, "must be an object"));
      return;
    }
    type.attributes().forEach((name, attribute) -> attribute(field + "." + name, attribute, value.get(name), errors));
    value.fieldNames().forEachRemaining(name -> {
      if (!type.attributes().containsKey(name)) {
        errors.add(new FieldError(field + "." + name, "is not an attribute of this object (known: "
            + String.join(", ", new TreeSet<>(type.attributes().keySet())) + ")"));
      }
    });
  }

  private static void attribute(String field, Attribute attribute, JsonNode value, List<FieldError> errors) {
    if (value == null) {
      if (!attribute.optional()) {
        errors.add(new FieldError(field, "is required"));
      }
      return;
    }
    check(field, attribute.type(), value, errors);
  }

  private static void tuple(String field, Tuple type, JsonNode value, List<FieldError> errors) {
    int size = type.elements().size();
    if (!value.isArray() || value.size() != size) {
      errors.add(new FieldError(field, "must be a list of exactly " + size + (size == 1 ? " element" : " elements")));
      return;
    }
    for (int i = 0; i < size; i++) {
      check(field + "[" + i + "]", type.elements().get(i), value.get(i), errors);
    }
  }

  private static boolean hasRepeats(JsonNode array) {
    for (int i = 0; i < array.size(); i++) {
      for (int j = i + 1; j < array.size(); j++) {
        if (JsonValues.same(array.get(i), array.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Map keys are data, not names: quote them so a key cannot pass itself off as a path. */
  private static String quoted(String key) {
    return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
