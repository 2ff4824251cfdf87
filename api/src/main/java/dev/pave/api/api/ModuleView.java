package dev.pave.api.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A catalog entry as GET /v1/modules returns it. */
public record ModuleView(
    String name,
    String version,
    List<String> versions,
    String displayName,
    String description,
    String owner,
    ObjectNode inputSchema,
    List<OutputView> outputs,
    String costFormula) {

  public record OutputView(String name, String description, boolean sensitive) {}
}
