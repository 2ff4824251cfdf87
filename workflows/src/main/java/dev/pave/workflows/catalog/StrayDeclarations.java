package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses variables declared anywhere but variables.tf and outputs anywhere but outputs.tf.
 * Terraform reads every .tf and .tf.json file of the folder (override files too), so a variable
 * elsewhere would be one that Pave neither shows nor checks, yet Terraform demands.
 */
final class StrayDeclarations {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StrayDeclarations() {}

  static void check(Path moduleDir) {
    for (Path file : terraformFiles(moduleDir)) {
      String name = file.getFileName().toString();
      if (name.endsWith(".tf.json")) {
        checkJson(file);
        continue;
      }
      try {
        for (HclBlockScanner.Block block : HclBlockScanner.scan(TextFiles.read(file))) {
          refuse(file, block.type(), name, "line " + block.line() + ": ");
        }
      } catch (IllegalArgumentException e) {
        throw new CatalogException(file, "does not parse: " + e.getMessage(), e);
      }
    }
  }

  private static void checkJson(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new CatalogException(file, "is not valid JSON", e);
    }
    root.fieldNames().forEachRemaining(kind -> refuse(file, kind, file.getFileName().toString(), ""));
  }

  private static void refuse(Path file, String kind, String fileName, String where) {
    if (kind.equals("variable") && !fileName.equals(VariablesFile.NAME)) {
      throw new CatalogException(file, where + "declares a variable; Pave reads a module's inputs from "
          + VariablesFile.NAME + " only, so declare it there");
    }
    if (kind.equals("output") && !fileName.equals(OutputsFile.NAME)) {
      throw new CatalogException(file, where + "declares an output; Pave reads a module's outputs from "
          + OutputsFile.NAME + " only, so declare it there");
    }
  }

  private static List<Path> terraformFiles(Path moduleDir) {
    try (Stream<Path> files = Files.list(moduleDir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".tf") || f.getFileName().toString().endsWith(".tf.json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CatalogException(moduleDir, "cannot be listed: " + e.getMessage(), e);
    }
  }
}
