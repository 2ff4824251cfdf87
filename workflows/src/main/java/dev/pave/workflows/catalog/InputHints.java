package dev.pave.workflows.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * What pave.yaml adds to a variable of variables.tf: labels for forms and the checks Terraform's
 * {@code validation} blocks would only make after a run has started. Every field is optional.
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
    JsonNode example) {

  public static final InputHints NONE = new InputHints(null, null, null, null, null, null, null, null, null);

  public InputHints {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
    // YAML "example: ~" means no example, not an example of null.
    example = example == null || example.isNull() ? null : example;
  }
}
