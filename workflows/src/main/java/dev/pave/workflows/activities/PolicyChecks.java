package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.contract.PolicyEnforcement;
import dev.pave.workflows.contract.PolicyVerdict;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.contract.StepName;
import dev.pave.workflows.policy.PolicyEvaluation;
import dev.pave.workflows.policy.PolicyInputs;
import dev.pave.workflows.policy.PolicyResult;
import dev.pave.workflows.policy.PolicySet;
import dev.pave.workflows.policy.PolicyStage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The policy step, either stage: moves the request to checking, evaluates the stage's policies,
 * stores every result with the policy's content hash (and the plan's hash at the plan stage) so
 * an auditor can tell which version of which rule decided, and closes the step.
 */
final class PolicyChecks {

  private static final String SYSTEM = "system";

  private final RequestLedger requests;
  private final GuardrailLedger guardrails;
  private final PolicySet policies;
  private final Clock clock;

  PolicyChecks(RequestLedger requests, GuardrailLedger guardrails, PolicySet policies, Clock clock) {
    this.requests = requests;
    this.guardrails = guardrails;
    this.policies = policies;
    this.clock = clock;
  }

  /** Request-stage policies, before any Terraform command runs. */
  PolicyCheck request(RunRequest request, CatalogModule module) {
    // Still queued: the lifecycle goes queued -> planning or denied, the request stage is no move of its own.
    openStep(request);
    PolicyInputs.Workspace workspace = requests.workspaceOf(request);
    if (workspace.exists() && !workspace.environment().equals(request.environment())) {
      // Accepted before its workspace existed (two requests queued on a new name), so the API's
      // check could not see it: a workspace never changes environment, and no label decides.
      requests.stepFinished(request.id(), StepName.POLICY, clock.instant(), "denied", null);
      return new PolicyCheck(PolicyVerdict.DENIED, "workspace " + request.workspace() + " is in "
          + workspace.environment() + ", not " + request.environment() + ": a workspace never changes environment");
    }
    return record(request, policies.evaluate(PolicyStage.REQUEST,
        PolicyDocuments.requestStage(request, workspace, module)), null);
  }

  /**
   * The request-stage document, with the workspace's facts read now (inside the activity, so the
   * workflow's inputs and commands stay as they were recorded): they are what the rules are about.
   */
  private Map<String, Object> document(RunRequest request, CatalogModule module) {
    return PolicyDocuments.requestStage(request, requests.workspaceOf(request), module);
  }

  /** Plan-stage policies, on {@code terraform show -json} of the saved plan whose hash is given. */
  PolicyCheck plan(RunRequest request, CatalogModule module, JsonNode planJson, String planSha256) {
    open(request);
    PolicyEvaluation evaluation = policies.evaluate(PolicyStage.PLAN,
        PolicyInputs.planStage(document(request, module), planJson));
    return record(request, evaluation, planSha256);
  }

  private void open(RunRequest request) {
    requests.setStatus(request.id(), RequestStatus.CHECKING);
    openStep(request);
  }

  private void openStep(RunRequest request) {
    requests.stepStarted(request.id(), StepName.POLICY, clock.instant(), SYSTEM);
  }

  private PolicyCheck record(RunRequest request, PolicyEvaluation evaluated, String planSha256) {
    String requestId = request.id();
    // A preview records what its apply would need; nothing waits for it (the verdict stays the same).
    PolicyEvaluation evaluation = request.speculative()
        ? new PolicyEvaluation(evaluated.results().stream().map(PolicyResult::asPreview).toList())
        : evaluated;
    Instant now = clock.instant();
    guardrails.savePolicyResults(requestId, evaluation.results(), planSha256, now);
    PolicyVerdict verdict = evaluation.verdict();
    requests.stepFinished(requestId, StepName.POLICY, now, verdict == PolicyVerdict.DENIED ? "denied" : "ok", null);
    String message = evaluation.results().stream()
        .filter(PolicyResult::failed)
        .filter(r -> r.enforcement() == (verdict == PolicyVerdict.DENIED
            ? PolicyEnforcement.HARD_MANDATORY : PolicyEnforcement.SOFT_MANDATORY))
        .map(r -> r.policy() + ": " + r.message())
        .collect(Collectors.joining("; "));
    return switch (verdict) {
      case DENIED -> new PolicyCheck(verdict, "denied by policy " + message);
      case NEEDS_APPROVAL -> new PolicyCheck(verdict, message);
      case ALLOWED -> new PolicyCheck(verdict, null);
    };
  }
}
