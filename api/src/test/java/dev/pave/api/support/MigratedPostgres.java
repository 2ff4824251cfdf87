package dev.pave.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A real PostgreSQL for tests of one part against Pave's real schema: zonky's embedded server,
 * its binaries unpacked once under {@code target/}, then Pave's Flyway migrations. One home for
 * what fifteen database tests each spelled out.
 */
public final class MigratedPostgres {

  private MigratedPostgres() {}

  /** A fresh server with every migration applied. */
  public static EmbeddedPostgres start() throws IOException {
    EmbeddedPostgres postgres = unmigrated();
    migrate(postgres, null);
    return postgres;
  }

  /** A fresh server migrated up to {@code version} only: for tests of what a later migration does to old rows. */
  public static EmbeddedPostgres startAt(String version) throws IOException {
    EmbeddedPostgres postgres = unmigrated();
    migrate(postgres, version);
    return postgres;
  }

  /** Applies the migrations after those already applied, up to {@code version} (null: all). */
  public static void migrate(EmbeddedPostgres postgres, String version) {
    var flyway = Flyway.configure().dataSource(postgres.getPostgresDatabase());
    (version == null ? flyway : flyway.target(version)).load().migrate();
  }

  /** Jdbi on the server's database, with SQL objects (the DAOs) available. */
  public static Jdbi jdbi(EmbeddedPostgres postgres) {
    return Jdbi.create(postgres.getPostgresDatabase()).installPlugin(new SqlObjectPlugin());
  }

  private static EmbeddedPostgres unmigrated() throws IOException {
    return EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/postgres-binaries")).start();
  }
}
