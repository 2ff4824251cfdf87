package dev.pave.api.db;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code name_reservations}: names that belong to one workspace (see V6), and the workspace name itself. */
public interface NameReservationDao {

  /**
   * Serialises acceptances (and claims) on one workspace name until the end of the transaction:
   * the same lock as {@link RequestDao#lockWorkspaceOf}.
   */
  @SqlQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('pave-workspace:' || :workspace))) locked")
  int lockWorkspaceName(@Bind("workspace") String workspace);

  /** Another team holds the workspace name: its workspace row, or an unfinished request of its. */
  @SqlQuery("SELECT EXISTS (SELECT FROM workspaces WHERE name = :workspace AND team <> :team)"
      + " OR EXISTS (SELECT FROM requests WHERE workspace = :workspace AND team <> :team AND " + RequestDao.UNFINISHED + ")")
  boolean workspaceHeldByAnotherTeam(@Bind("workspace") String workspace, @Bind("team") String team);

  /**
   * Takes the name for the workspace unless someone holds it, and says who holds it now. A
   * concurrent insert of the same key waits for the other transaction, then sees its row.
   */
  @SqlUpdate("INSERT INTO name_reservations (input, scope, name, workspace, team, request_id, created_at)"
      + " VALUES (:input, :scope, :name, :workspace, :team, :requestId, :at) ON CONFLICT DO NOTHING")
  int reserve(@Bind("input") String input, @Bind("scope") String scope, @Bind("name") String name,
      @Bind("workspace") String workspace, @Bind("team") String team, @Bind("requestId") String requestId,
      @Bind("at") Instant at);

  @SqlQuery("SELECT workspace FROM name_reservations WHERE input = :input AND scope = :scope AND name = :name")
  String holder(@Bind("input") String input, @Bind("scope") String scope, @Bind("name") String name);

  /** A destroy of the workspace succeeded: its names are free again. */
  @SqlUpdate("DELETE FROM name_reservations WHERE workspace = (SELECT workspace FROM requests WHERE id = :requestId)")
  int releaseWorkspaceOf(@Bind("requestId") String requestId);

  /**
   * The request that took these names ended without applying anything. A later request of the
   * same workspace still waiting takes them over (it asked for them too, or it would not have
   * been accepted while they were held); otherwise they are free again.
   */
  @SqlUpdate("UPDATE name_reservations n SET request_id = (SELECT r.id FROM requests r WHERE r.workspace = n.workspace"
      + " AND r.id <> :requestId AND NOT pave_terminal(r.status) ORDER BY r.created_at, r.id LIMIT 1)"
      + " WHERE n.request_id = :requestId AND EXISTS (SELECT FROM requests r WHERE r.workspace = n.workspace"
      + " AND r.id <> :requestId AND NOT pave_terminal(r.status))")
  int handOverToNextInLine(@Bind("requestId") String requestId);

  @SqlUpdate("DELETE FROM name_reservations WHERE request_id = :requestId")
  int releaseMadeBy(@Bind("requestId") String requestId);
}
