package dev.pave.api.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Terraform's output of each run of a request's steps, masked before it gets here (V14). */
@RegisterConstructorMapper(StepLogRow.class)
public interface StepLogDao {

  @SqlUpdate("INSERT INTO request_step_logs (request_id, step, output, truncated)"
      + " VALUES (:requestId, :step, :output, :truncated)")
  void insert(@Bind("requestId") String requestId, @Bind("step") String step, @Bind("output") String output,
      @Bind("truncated") boolean truncated);

  @SqlQuery("SELECT step, output, truncated FROM request_step_logs WHERE request_id = :requestId ORDER BY id")
  List<StepLogRow> forRequest(@Bind("requestId") String requestId);
}
