package dev.pave.api.wiring;

import dev.pave.api.core.HistoryArchiver;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the history archiver in a worker process: at start (what was missed while Pave was down)
 * and then every few seconds, so a history is in PostgreSQL soon after its request ends, well
 * before a restart of the embedded Temporal could lose it.
 */
public final class HistoryArchiving implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryArchiving.class);
  private static final long PERIOD_SECONDS = 5;

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
  public void stop() {
    timer.shutdownNow();
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
