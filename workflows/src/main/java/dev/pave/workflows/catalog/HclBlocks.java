package dev.pave.workflows.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the named blocks of one kind ({@code variable} or {@code output}) from a .tf file with
 * hcl4j, after checking that hcl4j saw exactly the blocks that {@link HclBlockScanner} finds, in
 * the same order. Returns each block's attributes by name, in file order.
 */
final class HclBlocks {
  private HclBlocks() {}

  static Map<String, Map<String, Object>> read(Path file, String kind) {
    String text = TextFiles.read(file);
    List<String> declared = declaredNames(file, text, kind);
    Object parsed = InertHclParser.parse(file, text).get(kind);
    if (declared.isEmpty() && parsed == null) {
      return Map.of();
    }
    if (!(parsed instanceof Map<?, ?> blocks) || !new ArrayList<>(blocks.keySet()).equals(declared)) {
      throw new CatalogException(file, "hcl4j read the " + kind + "s " + namesOf(parsed)
          + " but the file declares " + declared + "; check the file's syntax");
    }
    Map<String, Map<String, Object>> result = new LinkedHashMap<>();
    blocks.forEach((name, body) -> result.put((String) name, attributes(file, kind, name, body)));
    return result;
  }

  private static List<String> declaredNames(Path file, String text, String kind) {
    List<HclBlockScanner.Block> blocks;
    try {
      blocks = HclBlockScanner.scan(text);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(file, "does not parse: " + e.getMessage(), e);
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (HclBlockScanner.Block block : blocks) {
      if (!block.type().equals(kind)) {
        continue;
      }
      if (block.labels().size() != 1) {
        throw new CatalogException(file, "line " + block.line() + ": a " + kind + " block needs exactly one name");
      }
      String name = block.labels().get(0);
      if (!seen.add(name)) {
        throw new CatalogException(file, "line " + block.line() + ": " + kind + " \"" + name + "\" is declared twice");
      }
      names.add(name);
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributes(Path file, String kind, Object name, Object body) {
    if (!(body instanceof Map<?, ?>)) {
      throw new CatalogException(file, kind + " \"" + name + "\" cannot be read");
    }
    return (Map<String, Object>) body;
  }

  private static Object namesOf(Object parsed) {
    return parsed instanceof Map<?, ?> map ? new ArrayList<>(map.keySet()) : List.of();
  }
}
