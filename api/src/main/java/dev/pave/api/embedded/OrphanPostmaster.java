package dev.pave.api.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After Pave is killed (SIGKILL, OOM), its embedded PostgreSQL keeps running with no parent and
 * holds the data folder, so the next start would fail. Stop that orphan first: it is ours,
 * because the data folder is ours.
 */
final class OrphanPostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanPostmaster.class);

  private OrphanPostmaster() {}

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (process.isEmpty()) {
      return;
    }
    LOG.warn("stopping PostgreSQL left running by an earlier Pave (pid {}) in {}", pid, dataDirectory);
    process.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (process.get().isAlive()) {
      process.get().destroyForcibly();
    }
  }
}
