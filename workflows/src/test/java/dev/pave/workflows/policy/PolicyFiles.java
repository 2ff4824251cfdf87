package dev.pave.workflows.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes policy and test files into a test's temporary folder. */
final class PolicyFiles {
  private PolicyFiles() {}

  static Path write(Path dir, String relativePath, String content) {
    try {
      Path file = dir.resolve(relativePath);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid policy file with the given stage, enforcement, when (or null) and deny. */
  static String policy(String name, String stage, String enforcement, String when, String deny) {
    return "name: " + name + "\n"
        + "description: test policy " + name + "\n"
        + "stage: " + stage + "\n"
        + "enforcement: " + enforcement + "\n"
        + (when == null ? "" : "when: \"" + when + "\"\n")
        + "deny: \"" + deny + "\"\n"
        + "message: " + name + " denied\n";
  }

  /** Loads a set of one policy written from {@link #policy}. */
  static PolicySet single(Path dir, String name, String stage, String enforcement, String when,
      String deny) {
    write(dir, name + ".yaml", policy(name, stage, enforcement, when, deny));
    return PolicyLoader.load(dir);
  }
}
