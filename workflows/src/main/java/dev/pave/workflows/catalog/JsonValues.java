package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Equality of JSON values as Terraform sees it: 1, 1.0 and 1.00 are the same number. */
final class JsonValues {
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonValues() {}

  static boolean same(JsonNode a, JsonNode b) {
    return a.equals(NUMBERS_BY_VALUE, b);
  }

  /** How a value from pave.yaml (never from a request) is shown in a message. */
  static String show(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }
}
