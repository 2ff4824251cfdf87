package dev.pave.workflows.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * What pave.yaml adds to a variable of variables.tf: labels for forms and the checks Terraform's
 * {@code validation} blocks would only make after a run has started. Every field is optional.
 * {@code integer: true} marks a number variable that must be whole: Terraform has no integer
 * type, and the {@code floor(x) == x} a module's validation block checks is evaluated away when
 * Pave reads variables.tf, so without this hint 1.5 would pass the API and fail at plan.
 */
public record InputHints(
    String title,
    String description,
    String pattern,
    Integer minLength,
    Integer maxLength,
    BigDecimal minimum,
    BigDecimal maximum,
    @JsonProperty("enum") List<JsonNode> enumValues,
    JsonNode example,
    Boolean integer) {

  public static final InputHints NONE = new InputHints(null, null, null, null, null, null, null, null, null, null);

  /** True when the variable takes whole numbers only. */
  public boolean wholeNumbersOnly() {
    return Boolean.TRUE.equals(integer);
  }

  public InputHints {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
    // YAML "example: ~" means no example, not an example of null.
    example = example == null || example.isNull() ? null : example;
  }
}
