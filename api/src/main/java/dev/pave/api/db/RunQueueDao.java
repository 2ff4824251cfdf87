package dev.pave.api.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The requests' run queue (V23): a request is admitted (its run may start) or waiting for one of
 * its team's run slots. Which requests hold a slot, and who may take the next one, is decided in
 * RunAdmission under the team's lock (RequestDao#lockTeam).
 */
public interface RunQueueDao {

  /** A stored request whose run has not been allowed to start yet (the predicate of requests_waiting). */
  String WAITING = "admitted_at IS NULL AND status = 'queued'";

  /** The team's admitted requests in one of {@code running} (the statuses that hold or wait for a worker). */
  @SqlQuery("SELECT count(*) FROM requests WHERE team = :team AND admitted_at IS NOT NULL AND status = ANY(:running)")
  int countRunning(@Bind("team") String team, @Bind("running") String[] running);

  @SqlQuery("SELECT count(*) FROM requests WHERE team = :team AND " + WAITING)
  int countWaiting(@Bind("team") String team);

  /**
   * The team's oldest waiting requests that are first in their workspace's line: one behind an
   * unfinished request of its workspace could only wait there, so it takes no slot before its
   * turn comes (and another workspace of the team gets the slot meanwhile).
   */
  @SqlQuery("SELECT r.id FROM requests r WHERE r.team = :team AND r.admitted_at IS NULL AND r.status = 'queued'"
      + " AND NOT EXISTS (SELECT 1 FROM requests ahead WHERE ahead.workspace = r.workspace"
      + "   AND NOT pave_terminal(ahead.status) AND (ahead.created_at, ahead.id) < (r.created_at, r.id))"
      + " ORDER BY r.created_at, r.id LIMIT :limit")
  List<String> nextInTurn(@Bind("team") String team, @Bind("limit") int limit);

  /** Admits the given requests that still wait; returns how many it admitted. */
  @SqlUpdate("UPDATE requests SET admitted_at = :at WHERE id = ANY(:ids) AND admitted_at IS NULL")
  int admit(@Bind("ids") String[] ids, @Bind("at") Instant at);

  @SqlQuery("SELECT DISTINCT team FROM requests WHERE " + WAITING + " ORDER BY team")
  List<String> teamsWaiting();

  @SqlQuery("SELECT team FROM requests WHERE id = :id")
  Optional<String> teamOf(@Bind("id") String id);

  @SqlQuery("SELECT admitted_at IS NOT NULL FROM requests WHERE id = :id")
  Optional<Boolean> admitted(@Bind("id") String id);

  /** What a restart gives its workflow back: every admitted request that has not ended. */
  @SqlQuery("SELECT id FROM requests WHERE admitted_at IS NOT NULL AND NOT pave_terminal(status) ORDER BY created_at, id")
  List<String> admittedUnfinished();
}
