package dev.pave.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import dev.pave.api.db.PolicyResultRow;
import dev.pave.api.db.StepRow;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Maps stored rows to the API's request shape. Sensitive outputs appear only as "(sensitive)". */
public final class RequestViews {

  public static final String REDACTED = "(sensitive)";

  /**
   * What each plan changes, by the plan's hash: a plan never changes once saved, and opening one
   * (unseal, parse, redact its JSON) cost an inbox of 20 waiting requests about 100 ms each time
   * an approver looked. Addresses, types and actions only: nothing secret is kept.
   */
  private static final int PLANS_REMEMBERED = 10_000;

  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final SecretBox secrets;
  private final Cache<String, List<PlanChangeView>> changesByPlan =
      Caffeine.newBuilder().maximumSize(PLANS_REMEMBERED).build();

  /** @param secrets opens the stored plan's JSON, for the resources it changes */
  public RequestViews(Jdbi jdbi, ObjectMapper json, SecretBox secrets) {
    this.jdbi = jdbi;
    this.json = json;
    this.secrets = secrets;
  }

  /** The full view: steps, policy results, the plan's hash and the approval. One handle, a few queries. */
  public RequestView of(RequestRow row) {
    return ofAll(List.of(row)).get(0);
  }

  /**
   * Full views of a page of requests, in the rows' order, with one query per kind of record for
   * the whole page (the approver's inbox shows 20 at once; one request at a time was about 120
   * queries a page).
   */
  public List<RequestView> ofAll(List<RequestRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    String[] ids = rows.stream().map(RequestRow::id).toArray(String[]::new);
    return jdbi.withHandle(handle -> {
      Map<String, List<StepView>> steps = handle.attach(StepDao.class).forRequests(ids).stream()
          .collect(Collectors.groupingBy(StepRow::requestId, Collectors.mapping(s -> new StepView(s.name(),
              s.startedAt(), s.finishedAt(), s.durationMs(), s.outcome(), s.actor(), s.worker()), Collectors.toList())));
      GuardrailDao guardrails = handle.attach(GuardrailDao.class);
      Map<String, List<PolicyResultView>> policies = guardrails.resultsOf(ids).stream()
          .collect(Collectors.groupingBy(PolicyResultRow::requestId, Collectors.mapping(p -> new PolicyResultView(
              p.policy(), p.stage(), p.enforcement(), p.result(), p.message(), p.policyHash(), p.evaluatedAt()),
              Collectors.toList())));
      Map<String, List<ApprovalRow>> decisions = guardrails.approvalsOf(ids).stream()
          .collect(Collectors.groupingBy(ApprovalRow::requestId));
      PlanDao plans = handle.attach(PlanDao.class);
      Map<String, String> planHashes = plans.hashesOf(ids);
      return rows.stream().map(row -> {
        String planSha256 = planHashes.get(row.id());
        return build(row, steps.getOrDefault(row.id(), List.of()), policies.getOrDefault(row.id(), List.of()),
            planSha256, planSha256 == null ? null : changes(plans, row.id(), planSha256),
            approval(row, decisions.getOrDefault(row.id(), List.of()), planSha256));
      }).toList();
    });
  }

  /** What the plan of that hash changes, opened once per plan and remembered. */
  private List<PlanChangeView> changes(PlanDao plans, String requestId, String planSha256) {
    return changesByPlan.get(planSha256, hash -> plans.find(requestId)
        .filter(plan -> plan.sha256().equals(hash)) // re-planned meanwhile: not this hash's changes
        .map(plan -> changes(requestId, plan))
        .orElse(null));
  }

  /**
   * The list view: no steps, policy results or plan changes (the request itself has them), but the
   * plan's hash and the approval as the request itself shows them, so a decided request never reads
   * as undecided in a list. Two queries for the whole page.
   */
  public List<RequestView> summaries(List<RequestRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    String[] ids = rows.stream().map(RequestRow::id).toArray(String[]::new);
    return jdbi.withHandle(handle -> {
      Map<String, List<ApprovalRow>> decisions = handle.attach(GuardrailDao.class).approvalsOf(ids).stream()
          .collect(Collectors.groupingBy(ApprovalRow::requestId));
      Map<String, String> planHashes = handle.attach(PlanDao.class).hashesOf(ids);
      return rows.stream().map(row -> {
        String planSha256 = planHashes.get(row.id());
        return build(row, null, null, planSha256, null,
            approval(row, decisions.getOrDefault(row.id(), List.of()), planSha256));
      }).toList();
    });
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
