package dev.pave.api.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Policy results and approval decisions. */
@RegisterConstructorMapper(PolicyResultRow.class)
@RegisterConstructorMapper(ApprovalRow.class)
public interface GuardrailDao {

  /** One JDBC batch per stage: seq numbers are assigned by the caller after {@link #lastSeq}. */
  @SqlBatch("INSERT INTO request_policy_results (request_id, seq, stage, policy, enforcement, result, message,"
      + " policy_hash, plan_sha256, evaluated_at) VALUES (:requestId, :seq, :stage, :policy, :enforcement, :result,"
      + " :message, :policyHash, :planSha256, :evaluatedAt)")
  void insertResults(@BindMethods List<PolicyResultRow> rows);

  @SqlQuery("SELECT COALESCE(MAX(seq), 0) FROM request_policy_results WHERE request_id = :requestId")
  int lastSeq(@Bind("requestId") String requestId);

  @SqlQuery("SELECT * FROM request_policy_results WHERE request_id = :requestId ORDER BY seq")
  List<PolicyResultRow> results(@Bind("requestId") String requestId);

  @SqlQuery("SELECT * FROM request_policy_results WHERE request_id = ANY(:requestIds) ORDER BY request_id, seq")
  List<PolicyResultRow> resultsOf(@Bind("requestIds") String[] requestIds);

  @SqlUpdate("UPDATE requests SET approval_required = true, approval_deadline = CASE WHEN :replace"
      + " THEN CAST(:deadline AS timestamptz) ELSE COALESCE(approval_deadline, :deadline) END WHERE id = :requestId")
  void openApproval(@Bind("requestId") String requestId, @Bind("deadline") Instant deadline,
      @Bind("replace") boolean replace);

  @SqlQuery("SELECT approval_deadline FROM requests WHERE id = :requestId")
  Instant approvalDeadline(@Bind("requestId") String requestId);

  @SqlUpdate("INSERT INTO approvals (request_id, plan_sha256, decision, approver, comment, decided_at, approver_subject)"
      + " VALUES (:requestId, :planSha256, :decision, :approver, :comment, :decidedAt, :approverSubject)"
      + " ON CONFLICT DO NOTHING")
  int insertApproval(@BindMethods ApprovalRow row);

  @SqlQuery("SELECT * FROM approvals WHERE request_id = :requestId AND plan_sha256 = :planSha256")
  Optional<ApprovalRow> approval(@Bind("requestId") String requestId, @Bind("planSha256") String planSha256);

  @SqlQuery("SELECT * FROM approvals WHERE request_id = :requestId ORDER BY decided_at")
  List<ApprovalRow> approvals(@Bind("requestId") String requestId);

  @SqlQuery("SELECT * FROM approvals WHERE request_id = ANY(:requestIds) ORDER BY request_id, decided_at")
  List<ApprovalRow> approvalsOf(@Bind("requestIds") String[] requestIds);

  /** Who rejected the plan the request holds now, if someone did: the workflow will end it rejected. */
  @SqlQuery("SELECT a.approver FROM approvals a JOIN plans p ON p.request_id = a.request_id"
      + " AND p.sha256 = a.plan_sha256 WHERE a.request_id = :requestId AND a.decision = 'reject'")
  Optional<String> rejectedBy(@Bind("requestId") String requestId);
}
