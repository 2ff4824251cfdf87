package dev.pave.api.db;

import dev.pave.workflows.activities.SavedPlan;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SavedPlan.class)
public interface PlanDao {

  /** A re-plan (after a restart or a stale plan) replaces the previous plan of the request. */
  @SqlUpdate("INSERT INTO plans (request_id, sha256, sealed, sealed_json) VALUES (:requestId, :sha256, :sealed, :sealedJson)"
      + " ON CONFLICT (request_id) DO UPDATE SET sha256 = EXCLUDED.sha256, sealed = EXCLUDED.sealed,"
      + " sealed_json = EXCLUDED.sealed_json, created_at = now()")
  void save(@Bind("requestId") String requestId, @Bind("sha256") String sha256, @Bind("sealed") byte[] sealed,
      @Bind("sealedJson") byte[] sealedJson);

  @SqlQuery("SELECT sealed, sha256, sealed_json FROM plans WHERE request_id = :requestId")
  Optional<SavedPlan> find(@Bind("requestId") String requestId);

  /**
   * The plans' hashes alone, by request id: a view that already knows what a plan changes reads
   * no sealed bytes.
   */
  @SqlQuery("SELECT request_id, sha256 FROM plans WHERE request_id = ANY(:requestIds)")
  @KeyColumn("request_id")
  @ValueColumn("sha256")
  Map<String, String> hashesOf(@Bind("requestIds") String[] requestIds);
}
