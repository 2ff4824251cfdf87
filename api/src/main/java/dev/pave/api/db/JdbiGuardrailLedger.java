package dev.pave.api.db;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.workflows.activities.ApprovalDecision;
import dev.pave.workflows.activities.GuardrailLedger;
import dev.pave.workflows.contract.ApprovalChoice;
import dev.pave.workflows.policy.PolicyResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The guardrail activities' view of Pave's tables, over Jdbi. */
public final class JdbiGuardrailLedger implements GuardrailLedger {

  private final Jdbi jdbi;

  public JdbiGuardrailLedger(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void savePolicyResults(String requestId, List<PolicyResult> results, String planSha256, Instant at) {
    jdbi.useTransaction(handle -> {
      GuardrailDao dao = handle.attach(GuardrailDao.class);
      int seq = dao.lastSeq(requestId);
      List<PolicyResultRow> rows = new java.util.ArrayList<>();
      for (PolicyResult r : results) {
        rows.add(new PolicyResultRow(requestId, ++seq, r.stage(), r.policy(), r.enforcement().wireName(), r.result().wireName(),
            r.message(), r.hash(), planSha256, at));
      }
      dao.insertResults(rows);
      for (PolicyResult r : results) {
        java.util.Map<String, Object> details = new java.util.TreeMap<>();
        details.put("policy", r.policy());
        details.put("stage", r.stage());
        details.put("enforcement", r.enforcement().wireName());
        details.put("policyHash", r.hash());
        details.put("result", r.result().wireName());
        details.put("planSha256", planSha256);
        AuditLog.append(handle, AuditEvent.bySystem("policy.evaluated", requestId, details));
      }
    });
  }

  @Override
  public Instant openApproval(String requestId, Instant deadline, boolean replace) {
    return jdbi.inTransaction(handle -> {
      GuardrailDao dao = handle.attach(GuardrailDao.class);
      dao.openApproval(requestId, deadline, replace);
      return dao.approvalDeadline(requestId);
    });
  }

  @Override
  public Optional<ApprovalDecision> decision(String requestId, String planSha256) {
    return jdbi.onDemand(GuardrailDao.class).approval(requestId, planSha256)
        .map(row -> new ApprovalDecision(ApprovalChoice.fromWire(row.decision()), row.approver()));
  }
}
