package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A variable of variables.tf that a requester may set. {@code defaultValue} is null when there is
 * no default (then {@code required} is true) and a JSON null when the default is {@code null}.
 */
public record ModuleInput(
    String name,
    String terraformType,
    boolean required,
    JsonNode defaultValue,
    String description,
    boolean sensitive,
    InputHints hints) {

  public ModuleInput {
    hints = hints == null ? InputHints.NONE : hints;
  }

  /** The parsed form of {@link #terraformType()}. */
  public TerraformType type() {
    return TerraformType.parse(terraformType);
  }
}
