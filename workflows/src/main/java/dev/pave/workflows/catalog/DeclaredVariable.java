package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A variable block of variables.tf. {@code defaultValue} is null when there is no default, and a
 * JSON null for {@code default = null}.
 */
record DeclaredVariable(
    String name,
    TerraformType type,
    JsonNode defaultValue,
    String description,
    boolean sensitive) {

  boolean hasDefault() {
    return defaultValue != null;
  }
}
