package dev.pave.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.api.ApprovalView;
import dev.pave.api.api.CostView;
import dev.pave.api.api.PolicyResultView;
import dev.pave.api.db.ApprovalRow;
import dev.pave.api.db.GuardrailDao;
import dev.pave.api.db.PlanDao;
import dev.pave.workflows.activities.SavedPlan;
import dev.pave.api.api.PlanChangeView;
import dev.pave.api.api.PlanSummaryView;
import dev.pave.api.api.RequestView;
import dev.pave.api.api.StepView;
import dev.pave.api.db.RequestRow;
import dev.pave.api.db.StepDao;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.terraform.PlanDocument;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Maps stored rows to the API's request shape. Sensitive outputs appear only as "(sensitive)". */
public final class RequestViews {

  public static final String REDACTED = "(sensitive)";

  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final SecretBox secrets;

  /** @param secrets opens the stored plan's JSON, for the resources it changes */
  public RequestViews(Jdbi jdbi, ObjectMapper json, SecretBox secrets) {
    this.jdbi = jdbi;
    this.json = json;
    this.secrets = secrets;
  }

  /** The full view: steps, policy results, the plan's hash and the approval. One handle, a few queries. */
  public RequestView of(RequestRow row) {
    return jdbi.withHandle(handle -> {
      List<StepView> steps = handle.attach(StepDao.class).forRequest(row.id()).stream()
          .map(s -> new StepView(s.name(), s.startedAt(), s.finishedAt(), s.durationMs(), s.outcome(), s.actor(),
              s.worker()))
          .toList();
      GuardrailDao guardrails = handle.attach(GuardrailDao.class);
      List<PolicyResultView> policies = guardrails.results(row.id()).stream()
          .map(p -> new PolicyResultView(p.policy(), p.stage(), p.enforcement(), p.result(), p.message(),
              p.policyHash(), p.evaluatedAt()))
          .toList();
      Optional<SavedPlan> saved = handle.attach(PlanDao.class).find(row.id());
      String planSha256 = saved.map(SavedPlan::sha256).orElse(null);
      List<PlanChangeView> changes = saved.map(plan -> changes(row.id(), plan)).orElse(null);
      ApprovalView approval = approval(row, guardrails.approvals(row.id()), planSha256);
      return build(row, steps, policies, planSha256, changes, approval);
    });
  }

  /** The list view: no steps, one query for the whole page. */
  public RequestView summary(RequestRow row) {
    return build(row, null, null, null, null, null);
  }

  /** The resources the plan touches: addresses, types and actions, never a value. */
  private List<PlanChangeView> changes(String requestId, SavedPlan plan) {
    return StoredPlanJson.of(secrets, json, requestId, plan)
        .map(document -> PlanDocument.fromJson(document).resourceChanges().stream()
            .map(change -> new PlanChangeView(change.address(), change.type(), change.actions()))
            .toList())
        .orElse(null);
  }

  private RequestView build(RequestRow row, List<StepView> steps, List<PolicyResultView> policies, String planSha256,
      List<PlanChangeView> changes, ApprovalView approval) {
    PlanSummaryView plan = row.planAdd() == null ? null
        : new PlanSummaryView(row.planAdd(), row.planChange(), row.planDestroy(), planSha256, changes);
    CostView cost = row.costMonthlyUsd() == null ? null : new CostView(row.costMonthlyUsd());
    return new RequestView(row.id(), row.module(), row.version(), row.workspace(), row.environment(), row.team(),
        row.requester(), row.action(), row.status(), read(row.inputs()), row.ttlHours(), row.createdAt(),
        row.finishedAt(), row.leadTimeMs(), steps, policies, plan, cost, approval,
        outputs(row.outputs(), row.sensitiveOutputs()), row.error());
  }

  /** The decision on the current plan if there is one, else the latest decision (on an earlier plan). */
  private static ApprovalView approval(RequestRow row, List<ApprovalRow> decisions, String planSha256) {
    if (!row.approvalRequired() && decisions.isEmpty()) {
      return null;
    }
    ApprovalRow decided = decisions.stream().filter(d -> d.planSha256().equals(planSha256)).findFirst()
        .orElse(decisions.isEmpty() ? null : decisions.get(decisions.size() - 1));
    return decided == null
        ? new ApprovalView(row.approvalRequired(), row.approvalDeadline(), null, null, null, null, null)
        : new ApprovalView(row.approvalRequired(), row.approvalDeadline(), decided.decision(), decided.approver(),
            decided.comment(), decided.decidedAt(), decided.planSha256());
  }

  ObjectNode outputs(String visible, String[] sensitiveNames) {
    if (visible == null) {
      return null;
    }
    ObjectNode outputs = (ObjectNode) read(visible);
    if (sensitiveNames != null) {
      for (String name : sensitiveNames) {
        outputs.put(name, REDACTED);
      }
    }
    return outputs;
  }

  JsonNode read(String text) {
    try {
      return text == null ? null : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }
}
