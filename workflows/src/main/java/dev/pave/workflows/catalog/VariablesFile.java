package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variables of a module's variables.tf, in file order: the one source of a module's inputs,
 * so that the request schema and what Terraform accepts cannot drift apart. {@code validation}
 * blocks are ignored (hcl4j evaluates them away); pave.yaml hints state those checks for Pave.
 */
final class VariablesFile {
  static final String NAME = "variables.tf";

  private VariablesFile() {}

  static List<DeclaredVariable> read(Path moduleDir) {
    Path file = moduleDir.resolve(NAME);
    if (!Files.exists(file)) {
      return List.of(); // a module without variables
    }
    List<DeclaredVariable> variables = new ArrayList<>();
    HclBlocks.read(file, "variable").forEach((name, body) -> {
      try {
        variables.add(variable(name, body));
      } catch (IllegalArgumentException e) {
        throw new CatalogException(file, "variable \"" + name + "\" " + e.getMessage(), e);
      }
    });
    return variables;
  }

  private static DeclaredVariable variable(String name, Map<String, Object> body) {
    // No type means any, as in Terraform.
    TerraformType type = body.containsKey("type") ? HclTypes.from(body.get("type")) : TerraformType.Primitive.ANY;
    JsonNode defaultValue = null;
    if (body.containsKey("default")) {
      try {
        defaultValue = HclValues.toJson(body.get("default"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("has a default that " + e.getMessage(), e);
      }
    }
    return new DeclaredVariable(name, type, defaultValue,
        description(body.get("description")), flag(body, "sensitive"));
  }

  /** hcl4j keeps a heredoc's indentation; strip it as Terraform's {@code <<-} would. */
  static String description(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("has a description that is not a string");
    }
    return s.stripIndent().strip();
  }

  static boolean flag(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value != null && !(value instanceof Boolean)) {
      throw new IllegalArgumentException("has a " + name + " that is not true or false");
    }
    return Boolean.TRUE.equals(value);
  }
}
