package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * One version of one golden-path module, as read from its folder. {@code contentHash} identifies
 * exactly which files a run used, so a request's record can prove what was applied.
 */
public record CatalogModule(
    String name,
    String version,
    String displayName,
    String description,
    String owner,
    Path directory,
    List<ModuleInput> inputs,
    List<String> platformInputs,
    List<ModuleOutput> outputs,
    String costFormula,
    String contentHash,
    NameReservation reserves) {

  public CatalogModule {
    inputs = List.copyOf(inputs);
    platformInputs = List.copyOf(platformInputs);
    outputs = List.copyOf(outputs);
  }

  /** A module that reserves no name. */
  public CatalogModule(String name, String version, String displayName, String description, String owner,
      Path directory, List<ModuleInput> inputs, List<String> platformInputs, List<ModuleOutput> outputs,
      String costFormula, String contentHash) {
    this(name, version, displayName, description, owner, directory, inputs, platformInputs, outputs, costFormula,
        contentHash, null);
  }

  /** The input whose value belongs to one workspace within its scope (pave.yaml {@code reserves}), if any. */
  public java.util.Optional<NameReservation> reservation() {
    return java.util.Optional.ofNullable(reserves);
  }

  /** The JSON Schema (2020-12) of a request's {@code inputs}; a fresh object on every call. */
  public ObjectNode inputSchema() {
    return InputSchema.of(this);
  }

  /**
   * The inputs Terraform will actually use: the request's, plus each declared default it left
   * out. Cost formulas and policies see these, so a default can never slip past a rule.
   */
  public ObjectNode effectiveInputs(JsonNode requested) {
    ObjectNode effective = requested != null && requested.isObject()
        ? ((ObjectNode) requested).deepCopy() : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (ModuleInput input : inputs) {
      if (!effective.has(input.name()) && input.defaultValue() != null) {
        effective.set(input.name(), input.defaultValue());
      }
    }
    return effective;
  }
}
