package dev.pave.api.core;

import dev.pave.api.db.RunQueueDao;
import dev.pave.workflows.contract.Provisioning;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, signals and resumes request runs through the {@link Provisioning} facade. Starting a
 * run twice is harmless: it is how resumption after a restart stays idempotent.
 */
public final class RunStarter {

  private static final Logger LOG = LoggerFactory.getLogger(RunStarter.class);

  private final Provisioning provisioning;
  private final Jdbi jdbi;

  public RunStarter(Provisioning provisioning, Jdbi jdbi) {
    this.provisioning = provisioning;
    this.jdbi = jdbi;
  }

  public void start(String requestId) {
    provisioning.start(requestId);
  }

  /**
   * Starts the request's workflow; if Temporal cannot be reached, the request stays accepted
   * (it is in PostgreSQL) and the sweeper of a worker process starts it once Temporal answers.
   */
  public void startOrLeaveToSweeper(String requestId) {
    try {
      start(requestId);
    } catch (RuntimeException temporalDown) {
      LOG.warn("request {} accepted; its workflow will start when Temporal answers ({})", requestId,
          temporalDown.getClass().getSimpleName());
    }
  }

  public void cancel(String requestId, String actor) {
    provisioning.cancel(requestId, actor);
  }

  public void approvalDecided(String requestId) {
    provisioning.approvalDecided(requestId);
  }

  /**
   * Every admitted request that is not terminal gets its workflow back (the embedded Temporal
   * forgets on restart); the waiting ones are RunAdmission's to start, in their turn.
   */
  public int resumeUnfinished() {
    List<String> unfinished = jdbi.onDemand(RunQueueDao.class).admittedUnfinished();
    for (String id : unfinished) {
      start(id);
    }
    return unfinished.size();
  }
}
