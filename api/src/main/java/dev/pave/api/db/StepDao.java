package dev.pave.api.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StepRow.class)
public interface StepDao {

  /**
   * Opens a step unless the newest step of the request is this one and still open (a retried
   * activity attempt): then the first attempt's start time stands.
   */
  @SqlUpdate("INSERT INTO request_steps (request_id, seq, name, started_at, actor, worker)"
      + " SELECT :requestId, COALESCE(MAX(seq), 0) + 1, :name, :at, :actor, :worker FROM request_steps"
      + " WHERE request_id = :requestId"
      + " HAVING NOT EXISTS (SELECT 1 FROM request_steps s WHERE s.request_id = :requestId AND s.name = :name"
      + "   AND s.finished_at IS NULL AND s.seq = (SELECT MAX(seq) FROM request_steps WHERE request_id = :requestId))")
  int start(@Bind("requestId") String requestId, @Bind("name") String name, @Bind("at") Instant at,
      @Bind("actor") String actor, @Bind("worker") String worker);

  @SqlUpdate("UPDATE request_steps SET finished_at = :at, outcome = :outcome, actor = COALESCE(:actor, actor),"
      + " duration_ms = (EXTRACT(EPOCH FROM (CAST(:at AS timestamptz) - started_at)) * 1000)::bigint"
      + " WHERE request_id = :requestId AND name = :name AND finished_at IS NULL")
  int finish(@Bind("requestId") String requestId, @Bind("name") String name, @Bind("at") Instant at,
      @Bind("outcome") String outcome, @Bind("actor") String actor);

  @SqlUpdate("UPDATE request_steps SET finished_at = :at, outcome = 'interrupted',"
      + " duration_ms = (EXTRACT(EPOCH FROM (CAST(:at AS timestamptz) - started_at)) * 1000)::bigint"
      + " WHERE request_id = :requestId AND finished_at IS NULL")
  int interruptOpen(@Bind("requestId") String requestId, @Bind("at") Instant at);

  @SqlQuery("SELECT request_id, seq, name, started_at, finished_at, duration_ms, outcome, actor, worker"
      + " FROM request_steps WHERE request_id = :requestId ORDER BY seq")
  List<StepRow> forRequest(@Bind("requestId") String requestId);

  /** The steps of a page of requests in one query (the inbox), in each request's order. */
  @SqlQuery("SELECT request_id, seq, name, started_at, finished_at, duration_ms, outcome, actor, worker"
      + " FROM request_steps WHERE request_id = ANY(:requestIds) ORDER BY request_id, seq")
  List<StepRow> forRequests(@Bind("requestIds") String[] requestIds);
}
