package dev.pave.api.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A catalog for these tests: the real postgres-database golden path beside slow-apply, a
 * built-in-only module whose apply sleeps and then appends one line to a marker file.
 */
final class TestCatalog {

  static final String SLOW = "slow-apply";
  static final String POSTGRES = "postgres-database";

  private TestCatalog() {}

  static Path create(Path dir) {
    copy(Path.of("../terraform-modules", POSTGRES), dir.resolve(POSTGRES));
    copy(Path.of("src/test/resources/resilience/modules", SLOW), dir.resolve(SLOW));
    return dir;
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(f -> !f.toString().contains(".terraform")).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
