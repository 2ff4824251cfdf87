package dev.pave.workflows.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the module folders under the catalog root: {@code <name>/pave.yaml} for a module with one
 * version, {@code <name>/<version>/pave.yaml} for several side by side. Folders without a
 * pave.yaml (shared submodules, docs) are not modules; hidden folders are skipped.
 */
final class ModuleFolders {

  /** A folder holding a pave.yaml, and the name its place in the tree gives the module. */
  record ModuleFolder(Path directory, String name) {}

  private ModuleFolders() {}

  static List<ModuleFolder> find(Path root) {
    if (!Files.isDirectory(root)) {
      throw new CatalogException(root, "is not a folder");
    }
    List<ModuleFolder> found = new ArrayList<>();
    for (Path nameDir : subfolders(root)) {
      String name = nameDir.getFileName().toString();
      List<Path> versionDirs = subfolders(nameDir).stream().filter(ModuleFolders::hasPaveYaml).toList();
      if (hasPaveYaml(nameDir)) {
        if (!versionDirs.isEmpty()) {
          throw new CatalogException(nameDir, "has a pave.yaml and also version folders with one ("
              + versionDirs.get(0).getFileName() + "); use one layout or the other");
        }
        found.add(new ModuleFolder(nameDir, name));
      }
      versionDirs.forEach(dir -> found.add(new ModuleFolder(dir, name)));
    }
    return found;
  }

  private static boolean hasPaveYaml(Path dir) {
    // A misnamed pave.yml would make its module vanish from the catalog without a word.
    if (Files.exists(dir.resolve("pave.yml"))) {
      throw new CatalogException(dir.resolve("pave.yml"), "Pave reads " + PaveYaml.FILE_NAME + "; rename this file");
    }
    return Files.isRegularFile(dir.resolve(PaveYaml.FILE_NAME));
  }

  private static List<Path> subfolders(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory)
          .filter(d -> !d.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CatalogException(dir, "cannot be listed: " + e.getMessage(), e);
    }
  }
}
