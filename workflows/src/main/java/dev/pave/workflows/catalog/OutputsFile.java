package dev.pave.workflows.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The outputs of a module's outputs.tf, in file order; only their names and flags matter here. */
final class OutputsFile {
  static final String NAME = "outputs.tf";

  private OutputsFile() {}

  static List<ModuleOutput> read(Path moduleDir) {
    Path file = moduleDir.resolve(NAME);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<ModuleOutput> outputs = new ArrayList<>();
    HclBlocks.read(file, "output").forEach((name, body) -> {
      try {
        outputs.add(new ModuleOutput(name, VariablesFile.description(body.get("description")),
            VariablesFile.flag(body, "sensitive")));
      } catch (IllegalArgumentException e) {
        throw new CatalogException(file, "output \"" + name + "\" " + e.getMessage(), e);
      }
    });
    return outputs;
  }
}
