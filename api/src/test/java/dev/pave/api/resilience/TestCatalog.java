package dev.pave.api.resilience;

import dev.pave.api.support.FileTrees;
import java.nio.file.Path;

/**
 * A catalog for these tests: the real postgres-database golden path beside slow-apply, a
 * built-in-only module whose apply sleeps and then appends one line to a marker file.
 */
final class TestCatalog {

  static final String SLOW = "slow-apply";
  static final String POSTGRES = "postgres-database";

  private TestCatalog() {}

  static Path create(Path dir) {
    FileTrees.copy(Path.of("../terraform-modules", POSTGRES), dir.resolve(POSTGRES));
    FileTrees.copy(Path.of("src/test/resources/resilience/modules", SLOW), dir.resolve(SLOW));
    return dir;
  }
}
