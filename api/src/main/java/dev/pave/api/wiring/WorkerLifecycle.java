package dev.pave.api.wiring;

import dev.pave.api.core.RunAdmission;
import dev.pave.api.core.RunStarter;
import dev.pave.workflows.worker.ProvisionWorker;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's life: start polling, give every unfinished request its workflow back (the
 * embedded Temporal forgets on restart), and keep sweeping once a minute, so a request accepted
 * while Temporal was unreachable still starts. Starting a running workflow again is a no-op.
 * Waiting requests are admitted at start and every few seconds too: a run's end admits its
 * team's next request at once, and this sweep catches an end whose admission was missed (a
 * crash, the database down for a moment).
 */
public final class WorkerLifecycle implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerLifecycle.class);
  private static final long SWEEP_SECONDS = 60;
  private static final long ADMISSION_SWEEP_SECONDS = 5;

  private final ProvisionWorker worker;
  private final RunStarter runs;
  private final RunAdmission admission;
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "pave-resume-sweeper");
    thread.setDaemon(true);
    return thread;
  });

  public WorkerLifecycle(ProvisionWorker worker, RunStarter runs, RunAdmission admission) {
    this.worker = worker;
    this.runs = runs;
    this.admission = admission;
  }

  @Override
  public void start() {
    worker.start();
    try {
      int resumed = runs.resumeUnfinished();
      if (resumed > 0) {
        LOG.info("resumed {} unfinished request(s)", resumed);
      }
    } catch (RuntimeException unavailable) {
      LOG.warn("could not resume unfinished requests yet ({}); retrying every {} s",
          unavailable.getClass().getSimpleName(), SWEEP_SECONDS);
    }
    admitWaiting();
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    sweeper.scheduleWithFixedDelay(this::admitWaiting, ADMISSION_SWEEP_SECONDS, ADMISSION_SWEEP_SECONDS,
        TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    sweeper.shutdownNow();
    worker.stop();
  }

  private void sweep() {
    try {
      runs.resumeUnfinished();
    } catch (RuntimeException unavailable) {
      // The database or Temporal is down; the next sweep tries again.
      LOG.warn("could not resume unfinished requests yet: {}", unavailable.getClass().getSimpleName());
    }
  }

  private void admitWaiting() {
    try {
      int admitted = admission.sweep();
      if (admitted > 0) {
        LOG.info("admitted {} waiting request(s)", admitted);
      }
    } catch (RuntimeException unavailable) {
      // The database is down; the next sweep tries again, and nothing waiting is lost meanwhile.
      LOG.warn("could not admit waiting requests yet: {}", unavailable.getClass().getSimpleName());
    }
  }
}
