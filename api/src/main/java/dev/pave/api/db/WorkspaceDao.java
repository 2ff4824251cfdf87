package dev.pave.api.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(WorkspaceRow.class)
public interface WorkspaceDao {

  String COLUMNS = "name, module, version, team, environment, status, inputs::text AS inputs, outputs::text AS outputs,"
      + " sensitive_outputs, sealed_secrets, expires_at, cost_monthly_usd, last_request_id, created_at, updated_at";

  @SqlQuery("SELECT " + COLUMNS + " FROM workspaces WHERE name = :name")
  Optional<WorkspaceRow> find(@Bind("name") String name);

  @SqlQuery("SELECT " + COLUMNS + " FROM workspaces WHERE status = 'live'"
      + " AND (CAST(:team AS text) IS NULL OR team = :team) ORDER BY name")
  List<WorkspaceRow> live(@Bind("team") String team);

  /** A page of {@link #live}: the names after {@code after} (keyset paging, index of V18). */
  @SqlQuery("SELECT " + COLUMNS + " FROM workspaces WHERE status = 'live'"
      + " AND (CAST(:team AS text) IS NULL OR team = :team)"
      + " AND (CAST(:after AS text) IS NULL OR name > :after) ORDER BY name LIMIT :limit")
  List<WorkspaceRow> live(@Bind("team") String team, @Bind("after") String after, @Bind("limit") int limit);

  /**
   * Who made the workspace's current life: kept while it lives (or failed), taken anew when a
   * destroyed workspace is created again. The environment is never in an update (V19's trigger).
   */
  String CREATOR_ON_CONFLICT = " created_by_subject = CASE WHEN workspaces.status = 'destroyed'"
      + " OR workspaces.created_by_subject IS NULL THEN EXCLUDED.created_by_subject ELSE workspaces.created_by_subject END,"
      + " created_by_name = CASE WHEN workspaces.status = 'destroyed' OR workspaces.created_by_subject IS NULL"
      + " THEN EXCLUDED.created_by_name ELSE workspaces.created_by_name END,";

  /** A successful apply makes (or keeps) the workspace live with the request's inputs and outputs. */
  @SqlUpdate("INSERT INTO workspaces (name, module, version, team, environment, status, inputs, outputs,"
      + " sensitive_outputs, sealed_secrets, expires_at, cost_monthly_usd, last_request_id, created_at, updated_at,"
      + " created_by_subject, created_by_name, live_since)"
      + " SELECT r.workspace, r.module, r.version, r.team, r.environment, 'live', r.inputs, CAST(:outputs AS jsonb),"
      + " :sensitive, :sealed, CASE WHEN r.ttl_hours IS NULL THEN NULL ELSE CAST(:at AS timestamptz) + r.ttl_hours * interval '1 hour' END,"
      + " r.cost_monthly_usd, r.id, :at, :at, r.requester_subject, r.requester, :at FROM requests r WHERE r.id = :requestId"
      + " ON CONFLICT (name) DO UPDATE SET module = EXCLUDED.module, version = EXCLUDED.version," + CREATOR_ON_CONFLICT
      + " live_since = CASE WHEN workspaces.status = 'live' THEN workspaces.live_since ELSE EXCLUDED.live_since END,"
      + " status = 'live', inputs = EXCLUDED.inputs, outputs = EXCLUDED.outputs,"
      + " sensitive_outputs = EXCLUDED.sensitive_outputs, sealed_secrets = EXCLUDED.sealed_secrets,"
      + " expires_at = EXCLUDED.expires_at, cost_monthly_usd = EXCLUDED.cost_monthly_usd,"
      + " last_request_id = EXCLUDED.last_request_id, updated_at = EXCLUDED.updated_at")
  void applied(@Bind("requestId") String requestId, @Bind("outputs") String outputs,
      @Bind("sensitive") String[] sensitive, @Bind("sealed") byte[] sealed, @Bind("at") Instant at);

  /**
   * An apply failed after it started changing things, on a workspace that is not live (its first
   * create): something may exist, so the workspace is recorded as {@code failed}, which its team
   * may apply again or destroy. A live workspace stays live.
   */
  @SqlUpdate("INSERT INTO workspaces (name, module, version, team, environment, status, inputs, cost_monthly_usd,"
      + " last_request_id, created_at, updated_at, created_by_subject, created_by_name)"
      + " SELECT r.workspace, r.module, r.version, r.team, r.environment, 'failed', r.inputs, r.cost_monthly_usd, r.id, :at, :at,"
      + " r.requester_subject, r.requester FROM requests r WHERE r.id = :requestId"
      + " ON CONFLICT (name) DO UPDATE SET module = EXCLUDED.module, version = EXCLUDED.version," + CREATOR_ON_CONFLICT
      + " live_since = NULL, status = 'failed', inputs = EXCLUDED.inputs, outputs = '{}',"
      + " sensitive_outputs = '{}', sealed_secrets = NULL, expires_at = NULL, cost_monthly_usd = EXCLUDED.cost_monthly_usd,"
      + " last_request_id = EXCLUDED.last_request_id, updated_at = EXCLUDED.updated_at"
      + " WHERE workspaces.status <> 'live'")
  void failedCreate(@Bind("requestId") String requestId, @Bind("at") Instant at);

  @SqlUpdate("UPDATE workspaces SET status = 'destroyed', live_since = NULL, outputs = '{}', sensitive_outputs = '{}', sealed_secrets = NULL,"
      + " last_request_id = :requestId, updated_at = :at WHERE name = (SELECT workspace FROM requests WHERE id = :requestId)")
  void destroyed(@Bind("requestId") String requestId, @Bind("at") Instant at);
}
