package dev.pave.api.db;

import dev.pave.workflows.contract.RequestLifecycle;
import dev.pave.workflows.contract.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(RequestRow.class)
public interface RequestDao {

  String COLUMNS = "id, module, version, workspace, environment, team, requester, action, status, inputs::text AS inputs,"
      + " ttl_hours, idempotency_key, request_hash, created_at, finished_at, lead_time_ms, plan_add, plan_change,"
      + " plan_destroy, outputs::text AS outputs, sensitive_outputs, cost_monthly_usd, cancel_requested, error,"
      + " cancelled_by, requester_role, approval_required, approval_deadline, requester_subject, cancelled_by_subject";

  /** pave_terminal (V11) is the one SQL source of what is terminal; the partial index requests_workspace_line uses it too. */
  String UNFINISHED = "NOT pave_terminal(status)";

  @SqlUpdate("INSERT INTO requests (id, module, version, workspace, environment, team, requester, action, status,"
      + " inputs, ttl_hours, idempotency_key, request_hash, created_at, cost_monthly_usd, requester_role, requester_subject)"
      + " VALUES (:id, :module, :version, :workspace, :environment, :team, :requester, :action, :status,"
      + " CAST(:inputs AS jsonb), :ttlHours, :idempotencyKey, :requestHash, :createdAt, :costMonthlyUsd, :requesterRole,"
      + " :requesterSubject)")
  void insert(@BindMethods RequestRow row);

  @SqlQuery("SELECT " + COLUMNS + " FROM requests WHERE id = :id")
  Optional<RequestRow> find(@Bind("id") String id);

  /** An Idempotency-Key is scoped to one caller of one team: nobody else can replay it. */
  @SqlQuery("SELECT " + COLUMNS + " FROM requests"
      + " WHERE team = :team AND requester_subject = :subject AND idempotency_key = :key")
  Optional<RequestRow> findByIdempotencyKey(@Bind("team") String team, @Bind("subject") String subject,
      @Bind("key") String key);

  default List<RequestRow> list(String team, String workspace, String status, int limit) {
    return list(team, workspace, status, null, null, limit);
  }

  /**
   * Newest first; with {@code beforeAt}/{@code beforeId}, the rows after that one in this order
   * (keyset paging over the indexes of V18, which end in {@code created_at DESC, id DESC}).
   */
  @SqlQuery("SELECT " + COLUMNS + " FROM requests"
      + " WHERE (CAST(:team AS text) IS NULL OR team = :team)"
      + " AND (CAST(:workspace AS text) IS NULL OR workspace = :workspace)"
      + " AND (CAST(:status AS text) IS NULL OR status = :status)"
      + " AND (CAST(:beforeAt AS timestamptz) IS NULL OR (created_at, id) < (CAST(:beforeAt AS timestamptz), :beforeId))"
      + " ORDER BY created_at DESC, id DESC LIMIT :limit")
  List<RequestRow> list(@Bind("team") String team, @Bind("workspace") String workspace,
      @Bind("status") String status, @Bind("beforeAt") Instant beforeAt, @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);

  @SqlQuery("SELECT id FROM requests WHERE " + UNFINISHED + " ORDER BY created_at, id")
  List<String> unfinished();

  @SqlQuery("SELECT id FROM requests WHERE workspace = (SELECT workspace FROM requests WHERE id = :id)"
      + " AND " + UNFINISHED + " ORDER BY created_at, id LIMIT 1")
  Optional<String> headOfLine(@Bind("id") String id);

  /** Serialises acceptances and admissions of one team's requests until the end of the transaction (its run limit). */
  @SqlQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('pave-team:' || :team))) locked")
  int lockTeam(@Bind("team") String team);

  /** Serialises claims on one workspace until the end of the transaction. */
  @SqlQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('pave-workspace:' || workspace))"
      + " FROM requests WHERE id = :id) locked")
  int lockWorkspaceOf(@Bind("id") String id);

  /** The unfinished request that holds the workspace of this one, if any. */
  @SqlQuery("SELECT id FROM requests WHERE workspace = (SELECT workspace FROM requests WHERE id = :id)"
      + " AND holds_workspace AND " + UNFINISHED)
  Optional<String> holderOfWorkspaceOf(@Bind("id") String id);

  @SqlUpdate("UPDATE requests SET holds_workspace = true WHERE id = :id AND " + UNFINISHED)
  int holdWorkspace(@Bind("id") String id);

  @SqlQuery("SELECT id FROM requests WHERE workspace = (SELECT workspace FROM requests WHERE id = :id)"
      + " AND id <> :id AND " + UNFINISHED + " ORDER BY created_at, id LIMIT 1")
  Optional<String> nextInLine(@Bind("id") String id);

  /**
   * The one atomic move of a request's status: it happens only from a status in {@code from}
   * (RequestLifecycle.sourcesOf the target; {@code planFrom} for a speculative plan, whose table is
   * its own), so an illegal or stale move changes no row. A move to
   * a terminal status stamps its end (and the lead time of a success); a cancel asked for before
   * an apply starts wins over the apply. Returns the number of rows moved (0 or 1).
   */
  @SqlUpdate("UPDATE requests SET status = :to,"
      + " finished_at = CASE WHEN pave_terminal(:to) THEN CAST(:at AS timestamptz) END,"
      + " error = CASE WHEN pave_terminal(:to) THEN CAST(:error AS text) END,"
      + " lead_time_ms = CASE WHEN :to = 'succeeded'"
      + "   THEN (EXTRACT(EPOCH FROM (CAST(:at AS timestamptz) - created_at)) * 1000)::bigint END"
      + " WHERE id = :id AND status = ANY(CASE WHEN action = 'plan' THEN CAST(:planFrom AS text[]) ELSE CAST(:from AS text[]) END)"
      + " AND NOT (cancel_requested AND :to = 'applying')")
  int move(@Bind("id") String id, @Bind("to") String to, @Bind("from") String[] from,
      @Bind("planFrom") String[] planFrom, @Bind("at") Instant at, @Bind("error") String error);

  @SqlQuery("SELECT status FROM requests WHERE id = :id")
  Optional<String> statusOf(@Bind("id") String id);

  @SqlQuery("SELECT COALESCE(cancelled_by, 'requester') FROM requests WHERE id = :id AND cancel_requested")
  Optional<String> cancelledBy(@Bind("id") String id);

  @SqlUpdate("UPDATE requests SET plan_add = :add, plan_change = :change, plan_destroy = :destroy WHERE id = :id")
  void setPlanSummary(@Bind("id") String id, @Bind("add") int add, @Bind("change") int change,
      @Bind("destroy") int destroy);

  @SqlUpdate("UPDATE requests SET outputs = CAST(:outputs AS jsonb), sensitive_outputs = :sensitive WHERE id = :id")
  void setOutputs(@Bind("id") String id, @Bind("outputs") String outputs, @Bind("sensitive") String[] sensitive);

  @SqlUpdate("UPDATE requests SET cancel_requested = true, cancelled_by = :actor, cancelled_by_subject = :subject"
      + " WHERE id = :id AND status = ANY(:cancellable)")
  int markCancelRequested(@Bind("id") String id, @Bind("actor") String actor, @Bind("subject") String actorSubject,
      @Bind("cancellable") String[] cancellable);

  /** Asked for only while the lifecycle still allows a move to cancelled: never once applying. */
  default int requestCancel(String id, String actor, String actorSubject) {
    return markCancelRequested(id, actor, actorSubject, RequestLifecycle.wireSourcesOf(RequestStatus.CANCELLED));
  }

  /**
   * Holds the request's row until the transaction ends, and says whether a cancel was asked for:
   * a cancel and an approval decision both take it first, as every lifecycle move takes it, so
   * whichever comes second sees what the first did.
   */
  @SqlQuery("SELECT cancel_requested FROM requests WHERE id = :id FOR UPDATE")
  Optional<Boolean> lockCancelRequested(@Bind("id") String id);

  /** The current status, read after {@link #lockCancelRequested} (so no move can slip in between). */
  @SqlQuery("SELECT status FROM requests WHERE id = :id")
  Optional<String> currentStatus(@Bind("id") String id);
}
