package dev.pave.api.core;

import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.errors.ApiException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One team cannot starve the others: a team with {@code runsPerTeam} requests running (queued,
 * planning, checking, applying) gets 429 for the next one, at acceptance, before anything is
 * stored. Counted and stored under a per-team advisory lock in one transaction, so concurrent
 * POSTs of a team can never slip past the count together.
 */
final class TeamRunLimit {

  /** Runs take seconds to minutes; a client that waits this long has a fair chance of a free slot. */
  static final int RETRY_AFTER_SECONDS = 30;

  private final Jdbi jdbi;
  private final int runsPerTeam;
  private final Clock clock;

  TeamRunLimit(Jdbi jdbi, int runsPerTeam) {
    this(jdbi, runsPerTeam, Clock.systemUTC());
  }

  TeamRunLimit(Jdbi jdbi, int runsPerTeam, Clock clock) {
    this.jdbi = jdbi;
    this.runsPerTeam = runsPerTeam;
    this.clock = clock;
  }

  /**
   * Stores the request if its team is under the limit. Returns false, storing nothing, when a
   * request with the same Idempotency-Key of the same caller got in first: that is a retry, which
   * the caller answers with the stored request even when the team is at its limit. {@code withIt}
   * runs in the same transaction after the insert (what the request takes along, e.g. its names).
   */
  boolean insert(RequestRow row, Consumer<Handle> withIt) {
    return jdbi.inTransaction(handle -> {
      RequestDao requests = handle.attach(RequestDao.class);
      requests.lockTeam(row.team());
      if (row.idempotencyKey() != null && requests.findByIdempotencyKey(row.team(), row.requesterSubject(),
          row.idempotencyKey()).isPresent()) {
        return false;
      }
      if (requests.countRunning(row.team()) >= runsPerTeam) {
        throw ApiException.tooMany("team " + row.team() + " already has " + runsPerTeam
            + " requests running, the most one team may have at once; retry when one has finished",
            RETRY_AFTER_SECONDS);
      }
      // Stamped under the team's lock (a workspace belongs to one team): racing POSTs of one
      // workspace are stamped in the order they are stored, so its line (by created_at) never
      // puts a request that committed later ahead of one that already took its turn.
      requests.insert(row.acceptedAt(clock.instant().truncatedTo(ChronoUnit.MICROS)));
      withIt.accept(handle);
      return true;
    });
  }
}
