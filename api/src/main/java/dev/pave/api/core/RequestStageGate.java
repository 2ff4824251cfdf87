package dev.pave.api.core;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.db.RequestRow;
import dev.pave.api.errors.ApiError;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.activities.PolicyDocuments;
import dev.pave.workflows.activities.RunRequest;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.contract.PolicyEnforcement;
import dev.pave.workflows.policy.Policy;
import dev.pave.workflows.policy.PolicyResult;
import dev.pave.workflows.policy.PolicySet;
import dev.pave.workflows.policy.PolicyStage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The request-stage policies, judged at the door: a verdict they reach on the request alone is
 * the POST's answer (a 422 naming the policy and the field it is about), not a 202 that ends
 * {@code denied} later. The document is the workflow's own ({@link PolicyDocuments#requestStage},
 * the workspace read the same way), so the door and the run cannot disagree on the same facts.
 * Only hard-mandatory refusals stop the POST: soft-mandatory and advisory results are the run's
 * to record, and the run still judges every request (its workspace may change meanwhile). A
 * speculative plan is never refused here: showing the verdicts is what a preview is for.
 */
public final class RequestStageGate {

  /** The audit action of a refusal at the door; the workflow's evaluations are {@code policy.evaluated}. */
  public static final String REFUSED = "policy.denied_at_request";

  private final Jdbi jdbi;
  private final PolicySet policies;
  private final JdbiRequestLedger ledger;

  public RequestStageGate(Jdbi jdbi, PolicySet policies, JdbiRequestLedger ledger) {
    this.jdbi = jdbi;
    this.policies = policies;
    this.ledger = ledger;
  }

  /**
   * Refuses {@code row} (not stored yet) with a 422 when a hard-mandatory request-stage policy
   * denies it, after auditing each refusal; returns when nothing mandatory stands in the way.
   */
  public void check(PavePrincipal caller, RequestRow row, CatalogModule module) {
    RunRequest request = ledger.runRequest(row);
    if (request.speculative()) {
      return;
    }
    List<PolicyResult> refusals = policies.evaluate(PolicyStage.REQUEST,
            PolicyDocuments.requestStage(request, ledger.workspaceOf(request), module)).results().stream()
        .filter(PolicyResult::failed)
        .filter(r -> r.enforcement() == PolicyEnforcement.HARD_MANDATORY)
        .toList();
    if (refusals.isEmpty()) {
      return;
    }
    jdbi.useTransaction(handle -> {
      for (PolicyResult refusal : refusals) {
        AuditLog.append(handle, AuditEvent.by(caller, REFUSED, row.workspace(), details(row, refusal)));
      }
    });
    // The workflow's wording, so a refusal reads the same at the door and in a request's error.
    String message = "denied by policy " + refusals.stream().map(r -> r.policy() + ": " + r.message())
        .collect(Collectors.joining("; "));
    throw new ApiException(422, message, refusals.stream()
        .map(r -> new ApiError.FieldMessage(fieldOf(r), r.message(), r.policy())).toList());
  }

  private String fieldOf(PolicyResult result) {
    return policies.policy(result.policy()).map(Policy::field).orElse(Policy.WHOLE_REQUEST);
  }

  /** Which rule (its hash: which version) refused what, never the inputs: they may hold secrets. */
  private Map<String, Object> details(RequestRow row, PolicyResult refusal) {
    Map<String, Object> details = RequestAuditFacts.of(row);
    details.put("policy", refusal.policy());
    details.put("policyHash", refusal.hash());
    details.put("stage", refusal.stage());
    details.put("enforcement", refusal.enforcement().wireName());
    details.put("result", refusal.result().wireName());
    details.put("field", fieldOf(refusal));
    return details;
  }
}
