package dev.pave.api.core;

import dev.pave.api.db.WorkflowHistoryStore;
import dev.pave.workflows.contract.Provisioning;
import dev.pave.workflows.contract.RunDescription;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the whole history of every ended request's closed workflow into PostgreSQL. It runs
 * beside the worker and asks Temporal after the fact, because nothing inside the workflow can
 * see its own closing events. Idempotent and restartable: each pass takes the ended requests
 * that have no archived history yet, so a history missed while Pave was down is archived on the
 * next start, as long as Temporal still holds it.
 */
public final class HistoryArchiver {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryArchiver.class);

  /** Longer than any Temporal retention Pave is run with: older requests are not asked about. */
  static final Duration LOOK_BACK = Duration.ofDays(30);
  private static final int BATCH = 200;

  private final Provisioning provisioning;
  private final WorkflowHistoryStore store;
  private final Clock clock;
  /** Ended requests whose workflow this Temporal no longer (or never) held: not asked again until restart. */
  private final Set<String> notInTemporal = ConcurrentHashMap.newKeySet();

  public HistoryArchiver(Provisioning provisioning, WorkflowHistoryStore store, Clock clock) {
    this.provisioning = provisioning;
    this.store = store;
    this.clock = clock;
  }

  /** One pass: archives what can be archived now, returns how many histories it stored. */
  public int archiveEnded() {
    return pass().archived();
  }

  /**
   * The last passes before Temporal stops: until every ended request's workflow has closed and
   * been archived, or {@code patience} is up (a request that ended a moment ago is closing; its
   * snapshot, taken before it ended, stays what auditors read if it does not close in time).
   * Returns how many histories it stored.
   */
  public int archiveAllEnded(Duration patience, Duration between) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    int archived = 0;
    while (true) {
      Pass pass = pass();
      archived += pass.archived();
      if (pass.closing() == 0 || System.nanoTime() > deadline) {
        return archived;
      }
      Thread.sleep(between.toMillis());
    }
  }

  private Pass pass() {
    int archived = 0;
    int closing = 0;
    for (String requestId : store.endedWithoutHistory(clock.instant().minus(LOOK_BACK), BATCH + notInTemporal.size())) {
      if (!notInTemporal.contains(requestId)) {
        switch (archive(requestId)) {
          case ARCHIVED -> archived++;
          case CLOSING -> closing++;
          case GONE -> { }
        }
      }
    }
    return new Pass(archived, closing);
  }

  private enum Outcome { ARCHIVED, CLOSING, GONE }

  private record Pass(int archived, int closing) {}

  private Outcome archive(String requestId) {
    RunDescription run = provisioning.describe(requestId).orElse(null);
    if (run == null) {
      notInTemporal.add(requestId);
      return Outcome.GONE;
    }
    if (run.running()) {
      return Outcome.CLOSING; // the request ended a moment before its workflow closes
    }
    String json = provisioning.history(requestId, run.runId());
    String hash = store.archive(requestId, requestId, run.runId(), run.closedAt(), json);
    // The store records the hash on the audit trail in the archive's own transaction.
    LOG.debug("archived the workflow history of {} ({})", requestId, hash);
    return Outcome.ARCHIVED;
  }
}
