package dev.pave.api.wiring;

import dev.pave.api.core.HistoryArchiver;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the history archiver in a worker process: at start (what was missed while Pave was down),
 * every few seconds, and once more at stop, while the worker and Temporal still run (they stop
 * after it), so a graceful stop of the embedded default, whose Temporal forgets everything, loses
 * no ended request's history.
 */
public final class HistoryArchiving implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryArchiving.class);
  private static final long PERIOD_SECONDS = 5;
  /** How long a stop waits for workflows still closing: a close takes milliseconds once the worker sees it. */
  private static final Duration CLOSING_PATIENCE = Duration.ofSeconds(10);
  private static final Duration CLOSING_RECHECK = Duration.ofMillis(100);

  private final HistoryArchiver archiver;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "pave-history-archiver");
    thread.setDaemon(true);
    return thread;
  });

  public HistoryArchiving(HistoryArchiver archiver) {
    this.archiver = archiver;
  }

  @Override
  public void start() {
    timer.scheduleWithFixedDelay(this::pass, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void stop() throws InterruptedException {
    timer.shutdown(); // a pass under way finishes: interrupting it could cut a database call short
    timer.awaitTermination(CLOSING_PATIENCE.toSeconds(), TimeUnit.SECONDS);
    try {
      int archived = archiver.archiveAllEnded(CLOSING_PATIENCE, CLOSING_RECHECK);
      LOG.info("archived {} workflow histor{} before stopping", archived, archived == 1 ? "y" : "ies");
    } catch (RuntimeException unavailable) {
      // Their snapshots, taken before each request ended, are what is left of those not archived.
      LOG.warn("could not archive the last workflow histories before stopping: {}",
          unavailable.getClass().getSimpleName());
    }
  }

  private void pass() {
    try {
      int archived = archiver.archiveEnded();
      if (archived > 0) {
        LOG.info("archived {} workflow histor{}", archived, archived == 1 ? "y" : "ies");
      }
    } catch (RuntimeException unavailable) {
      // The database or Temporal is down: the next pass tries again, nothing is lost meanwhile.
      LOG.warn("could not archive workflow histories yet: {}", unavailable.getClass().getSimpleName());
    }
  }
}
