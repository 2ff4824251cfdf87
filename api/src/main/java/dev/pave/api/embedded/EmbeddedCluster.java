package dev.pave.api.embedded;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky's packaged binaries, nothing downloaded) whose data lives in a folder
 * that survives restarts. Listens on loopback only. The superuser {@code postgres} is trusted on
 * loopback (this is the single-machine default); every other role must give its password, so
 * the credentials Pave hands out are really checked.
 */
public final class EmbeddedCluster implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);

  private final String label;
  private final Path dataDirectory;
  private final Path binaries;
  private final int port;
  private EmbeddedPostgres postgres;

  public EmbeddedCluster(String label, Path dataDirectory, Path binaries, int port) {
    this.label = label;
    this.dataDirectory = dataDirectory;
    this.binaries = binaries;
    this.port = port;
  }

  /** Starts now (not at Managed.start): the application needs the database while it is being wired. */
  public EmbeddedCluster startNow() {
    try {
      Files.createDirectories(binaries);
      OrphanPostmaster.stopIfRunning(dataDirectory);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(binaries.toFile())
          // No shutdown hook of its own: it would stop PostgreSQL at once on SIGTERM, under a
          // worker still draining its Terraform runs. Pave's lifecycle stops it, after the worker.
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("listen_addresses", "127.0.0.1")
          // zonky turns both off (it is made for throwaway test databases). Here a commit is a
          // promise: the 202 for a request, a step's outcome, a provisioned database's data.
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("fsync", "on")
          .setDataDirectoryCustomizer(EmbeddedCluster::requirePasswordsExceptSuperuser);
      if (port > 0) {
        builder.setPort(port);
      }
      postgres = builder.start();
      LOG.info("embedded PostgreSQL ({}) on 127.0.0.1:{}, data in {}", label, postgres.getPort(), dataDirectory);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL (" + label + ") in " + dataDirectory, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  public String libpqUrl(String database) {
    return "postgres://postgres@127.0.0.1:" + port() + "/" + database + "?sslmode=disable";
  }

  @Override
  public void start() {}

  @Override
  public void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  private static void requirePasswordsExceptSuperuser(File dataDirectory) {
    List<String> rules = List.of(
        "# Written by Pave at initdb: the superuser is trusted on loopback, every other role needs its password.",
        "local all postgres trust",
        "host  all postgres 127.0.0.1/32 trust",
        "local all all scram-sha-256",
        "host  all all 127.0.0.1/32 scram-sha-256");
    try {
      Files.write(dataDirectory.toPath().resolve("pg_hba.conf"), rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
