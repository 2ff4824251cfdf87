package dev.pave.api.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The file slow-apply appends "workspace label" to, once per apply that really ran. */
record MarkerFile(Path path) {

  List<String> lines() {
    try {
      return Files.exists(path) ? Files.readAllLines(path) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long count(String workspace, String label) {
    return lines().stream().filter((workspace + " " + label)::equals).count();
  }

  /** The labels applied on a workspace, in the order the applies ran. */
  List<String> labels(String workspace) {
    return lines().stream().filter(l -> l.startsWith(workspace + " ")).map(l -> l.substring(workspace.length() + 1))
        .toList();
  }
}
