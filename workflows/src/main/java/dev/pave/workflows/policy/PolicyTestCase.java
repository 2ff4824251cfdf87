package dev.pave.workflows.policy;

import java.nio.file.Path;
import java.util.Map;

/** One case of a {@code <policy>.tests.yaml}: an input and the result the author expects. */
record PolicyTestCase(
    String policy, String name, String expect, Map<String, Object> input, Path file, int line) {

  /** Where the case is written, as {@code file:line}. */
  String location() {
    return file + ":" + line;
  }
}
