package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Turns a literal hcl4j has read (a default) into JSON. hcl4j reads every number as a Double, so
 * 5432 comes back as 5432.0: whole numbers are turned back into integers, and whole numbers too
 * large for a double to hold exactly are refused rather than silently changed.
 */
final class HclValues {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  // 2^53: from here on, neighbouring whole numbers read as the same double.
  private static final double AMBIGUOUS_FROM = 9007199254740992d;

  private HclValues() {}

  /** Throws IllegalArgumentException when the value is not a literal. */
  static JsonNode toJson(Object value) {
    if (value == null) {
      return JSON.nullNode();
    } else if (value instanceof String s) {
      return JSON.textNode(s);
    } else if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    } else if (value instanceof Double d) {
      return number(d);
    } else if (value instanceof Number n) {
      return JSON.numberNode(new BigDecimal(n.toString()));
    } else if (value instanceof List<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(element -> array.add(toJson(element)));
      return array;
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = JSON.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
      return object;
    }
    // A reference (var.x, data.y) or an expression hcl4j could not evaluate, e.g. 1e3.
    throw new IllegalArgumentException("is not a literal value (Terraform allows only literals here)");
  }

  private static JsonNode number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("is not a finite number");
    }
    if (d != Math.rint(d)) {
      return JSON.numberNode(d);
    }
    if (Math.abs(d) >= AMBIGUOUS_FROM) {
      throw new IllegalArgumentException(
          "is a whole number too large to read exactly (hcl4j reads numbers as 64-bit doubles)");
    }
    return JSON.numberNode((long) d);
  }
}
