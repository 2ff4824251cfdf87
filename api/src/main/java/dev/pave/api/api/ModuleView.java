package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A catalog entry as GET /v1/modules returns it. */
public record ModuleView(
    String name,
    String version,
    List<String> versions,
    String displayName,
    @Schema(nullable = true) String description,
    @Schema(nullable = true) String owner,
    ObjectNode inputSchema,
    List<OutputView> outputs,
    @Schema(nullable = true) String costFormula) {

  public record OutputView(String name, @Schema(nullable = true) String description, boolean sensitive) {}
}
