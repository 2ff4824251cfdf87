package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a value that already has the right type against its pave.yaml hints. A pattern must match
 * the whole value (a partial match would let {@code orders"; DROP ...} through {@code [a-z]+}).
 * Lengths count code points, as JSON Schema does.
 */
final class HintCheck {
  // Patterns come from the catalog, so this cache holds a bounded set.
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private HintCheck() {}

  static void check(String field, InputHints hints, JsonNode value, List<FieldError> errors) {
    if (value.isTextual()) {
      text(field, hints, value.textValue(), errors);
    }
    if (value.isNumber()) {
      if (hints.wholeNumbersOnly() && !isWhole(value)) {
        errors.add(new FieldError(field, "must be a whole number"));
      }
      if (hints.minimum() != null && value.decimalValue().compareTo(hints.minimum()) < 0) {
        errors.add(new FieldError(field, "must be at least " + hints.minimum().toPlainString()));
      }
      if (hints.maximum() != null && value.decimalValue().compareTo(hints.maximum()) > 0) {
        errors.add(new FieldError(field, "must be at most " + hints.maximum().toPlainString()));
      }
    }
    if (hints.enumValues() != null && hints.enumValues().stream().noneMatch(allowed -> JsonValues.same(allowed, value))) {
      errors.add(new FieldError(field, "must be one of: "
          + hints.enumValues().stream().map(JsonValues::show).collect(Collectors.joining(", "))));
    }
  }

  private static void text(String field, InputHints hints, String text, List<FieldError> errors) {
    if (hints.pattern() != null && !pattern(hints.pattern()).matcher(text).matches()) {
      errors.add(new FieldError(field, "must match " + hints.pattern()));
    }
    int length = text.codePointCount(0, text.length());
    if (hints.minLength() != null && length < hints.minLength()) {
      errors.add(new FieldError(field, "must be at least " + hints.minLength() + " characters long"));
    }
    if (hints.maxLength() != null && length > hints.maxLength()) {
      errors.add(new FieldError(field, "must be at most " + hints.maxLength() + " characters long"));
    }
  }

  /** As JSON Schema's "integer": 2 and 2.0 are whole, 2.5 is not. */
  private static boolean isWhole(JsonNode number) {
    return number.isIntegralNumber() || number.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  static Pattern pattern(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile);
  }
}
