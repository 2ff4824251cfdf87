package dev.pave.api.core;

import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestMoves;
import dev.pave.api.db.RunQueueDao;
import dev.pave.workflows.contract.RequestStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who of a team may start running: at most {@code runsPerTeam} of a team's requests are admitted
 * and running at once; the others wait, stored and {@code queued}, with no workflow, and are
 * admitted oldest first as the team's runs end or stop to await an approval. Temporal's task
 * queue therefore never holds more than {@code runsPerTeam} runs of one team, so a burst of one
 * team does not hold the other teams' requests behind it. Admission is decided in PostgreSQL
 * under the team's advisory lock (the lock acceptance takes too), so racing POSTs, ends and
 * sweeps can never admit more than the limit, and a waiting request is never lost: it is in
 * the table, and the sweep (at start and every few seconds) admits it even if every other
 * trigger was missed.
 */
public final class RunAdmission implements RequestMoves {

  private static final Logger LOG = LoggerFactory.getLogger(RunAdmission.class);

  /** The statuses that hold or wait for a worker; awaiting_approval holds none, so it frees its slot. */
  static final Set<RequestStatus> RUNNING = EnumSet.of(RequestStatus.QUEUED, RequestStatus.PLANNING,
      RequestStatus.CHECKING, RequestStatus.APPLYING);
  private static final String[] RUNNING_WIRE = RUNNING.stream().map(RequestStatus::wireName).toArray(String[]::new);

  private final Jdbi jdbi;
  private final RunStarter runs;
  private final int runsPerTeam;
  private final Clock clock;

  public RunAdmission(Jdbi jdbi, RunStarter runs, int runsPerTeam, Clock clock) {
    this.jdbi = jdbi;
    this.runs = runs;
    this.runsPerTeam = runsPerTeam;
    this.clock = clock;
  }

  /**
   * In the caller's transaction, which holds the team's lock: admits the team's waiting requests
   * whose turn it is, as many as the team has free slots. Returns them; the caller starts their
   * runs once the transaction has committed ({@link #start}).
   */
  List<String> admitInTurn(Handle handle, String team) {
    RunQueueDao queue = handle.attach(RunQueueDao.class);
    int free = runsPerTeam - queue.countRunning(team, RUNNING_WIRE);
    if (free <= 0) {
      return List.of();
    }
    List<String> next = queue.nextInTurn(team, free);
    if (!next.isEmpty()) {
      queue.admit(next.toArray(String[]::new), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
    return next;
  }

  /** Starts admitted runs; one Temporal cannot start now is started by the worker's resume sweep. */
  void start(List<String> admitted) {
    admitted.forEach(runs::startOrLeaveToSweeper);
  }

  /** Admits (and starts) whatever of the team's waiting requests fits in its free slots now. */
  public int admitWaiting(String team) {
    List<String> admitted = jdbi.inTransaction(handle -> {
      handle.attach(RequestDao.class).lockTeam(team);
      return admitInTurn(handle, team);
    });
    start(admitted);
    return admitted.size();
  }

  /** Every team with waiting requests gets its free slots filled: after a restart, and as a safety net. */
  public int sweep() {
    int admitted = 0;
    for (String team : jdbi.onDemand(RunQueueDao.class).teamsWaiting()) {
      admitted += admitWaiting(team);
    }
    return admitted;
  }

  /** A run that stops holding a slot (ended, or awaiting an approval) hands it to its team's next request. */
  @Override
  public void moved(String requestId, RequestStatus to) {
    if (RUNNING.contains(to)) {
      return;
    }
    try {
      jdbi.onDemand(RunQueueDao.class).teamOf(requestId).ifPresent(this::admitWaiting);
    } catch (RuntimeException unavailable) {
      // The move stands; the sweep admits the team's next request instead.
      LOG.warn("could not admit the next request after {} moved to {}: {}", requestId, to.wireName(),
          unavailable.getClass().getSimpleName());
    }
  }

  /**
   * A waiting request being cancelled is admitted out of turn: its run starts, sees the cancel,
   * and ends as cancelled at once, through the same end (steps, trail, webhooks, names released)
   * as every other run, without taking a worker for more than that one step.
   */
  void admitToCancel(String requestId) {
    boolean admitted = jdbi.withHandle(handle -> handle.attach(RunQueueDao.class)
        .admit(new String[] {requestId}, clock.instant().truncatedTo(ChronoUnit.MICROS)) == 1);
    if (admitted) {
      start(List.of(requestId));
    }
  }

  /** A retried POST of a request whose first start may have failed: started again, but only once admitted. */
  void startIfAdmitted(String requestId) {
    if (jdbi.onDemand(RunQueueDao.class).admitted(requestId).orElse(false)) {
      runs.startOrLeaveToSweeper(requestId);
    }
  }
}
