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
 *
 * <p>Gently first. A Terraform run of the killed Pave may still be running (it writes to files,
 * not to the dead JVM, so it can finish); it holds a session for its state lock and saves its
 * state through it at the end. A "smart" shutdown (SIGTERM) waits for such sessions, so the run
 * finishes and records what it did, and the resumed request then finds its plan stale instead of
 * applying it a second time. Only a run that takes longer than {@link #TERRAFORM_GRACE} is cut
 * off (fast, then immediate shutdown: PostgreSQL's own clean ways to end sessions).
 */
final class OrphanPostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanPostmaster.class);

  /** How long orphaned Terraform runs get to finish and save their state before they are cut off. */
  static final Duration TERRAFORM_GRACE = Duration.ofMinutes(5);
  private static final Duration SHUTDOWN = Duration.ofSeconds(30);
  private static final Duration PROGRESS = Duration.ofSeconds(10);

  private OrphanPostmaster() {}

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Optional<ProcessHandle> orphan = running(dataDirectory);
    if (orphan.isEmpty()) {
      return;
    }
    ProcessHandle postmaster = orphan.get();
    LOG.warn("stopping PostgreSQL left running by an earlier Pave (pid {}) in {}; open sessions (an interrupted"
        + " Terraform run saving its state) may finish first, for up to {}", postmaster.pid(), dataDirectory,
        TERRAFORM_GRACE);
    postmaster.destroy(); // SIGTERM: "smart" shutdown, waits for open sessions to end
    if (awaitExit(postmaster, TERRAFORM_GRACE, dataDirectory)) {
      return;
    }
    LOG.warn("sessions still open after {}; fast shutdown of PostgreSQL pid {}", TERRAFORM_GRACE, postmaster.pid());
    signal(postmaster, "INT"); // "fast": ends sessions, shuts down cleanly
    if (awaitExit(postmaster, SHUTDOWN, dataDirectory)) {
      return;
    }
    signal(postmaster, "QUIT"); // "immediate": crash recovery at the next start, still consistent
    if (!awaitExit(postmaster, SHUTDOWN, dataDirectory)) {
      postmaster.destroyForcibly();
    }
  }

  private static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    // A reused pid that is not a postgres is not ours to stop.
    return ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout, Path dataDirectory) {
    Instant deadline = Instant.now().plus(timeout);
    Instant nextReport = Instant.now().plus(PROGRESS);
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      if (Instant.now().isAfter(nextReport)) {
        LOG.info("waiting for PostgreSQL in {} to stop (sessions of an interrupted run still open)", dataDirectory);
        nextReport = nextReport.plus(PROGRESS);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !process.isAlive();
      }
    }
    return !process.isAlive();
  }

  /** A signal Java cannot send itself (SIGINT, SIGQUIT), through kill(1): an argument list, no shell. */
  private static void signal(ProcessHandle process, String name) {
    try {
      new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    } catch (IOException e) {
      LOG.warn("cannot send SIG{} to {}: {}", name, process.pid(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
