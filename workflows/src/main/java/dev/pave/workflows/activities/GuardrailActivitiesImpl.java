package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.contract.StepName;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.policy.PolicyEvaluation;
import dev.pave.workflows.policy.PolicyInputs;
import dev.pave.workflows.policy.PolicyResult;
import dev.pave.workflows.policy.PolicySet;
import dev.pave.workflows.policy.PolicyStage;
import dev.pave.workflows.policy.PolicyVerdict;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** Policy checks and approval bookkeeping, over the policy engine and Pave's tables. */
public final class GuardrailActivitiesImpl implements GuardrailActivities {

  private static final String SYSTEM = "system";

  private final RequestLedger requests;
  private final GuardrailLedger guardrails;
  private final ModuleCatalog catalog;
  private final PolicySet policies;
  private final SecretBox secrets;
  private final Duration approvalTimeout;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public GuardrailActivitiesImpl(RequestLedger requests, GuardrailLedger guardrails, ModuleCatalog catalog,
      PolicySet policies, SecretBox secrets, Duration approvalTimeout, Clock clock) {
    this.requests = requests;
    this.guardrails = guardrails;
    this.catalog = catalog;
    this.policies = policies;
    this.secrets = secrets;
    this.approvalTimeout = approvalTimeout;
    this.clock = clock;
  }

  @Override
  public PolicyCheck checkRequest(String requestId) {
    RunRequest request = requests.load(requestId);
    requests.setStatus(requestId, RequestStatus.CHECKING);
    requests.stepStarted(requestId, StepName.POLICY, clock.instant(), SYSTEM);
    PolicyEvaluation evaluation = policies.evaluate(PolicyStage.REQUEST, requestStage(request));
    return record(requestId, evaluation, null);
  }

  @Override
  public PolicyCheck checkPlan(String requestId) {
    RunRequest request = requests.load(requestId);
    requests.setStatus(requestId, RequestStatus.CHECKING);
    requests.stepStarted(requestId, StepName.POLICY, clock.instant(), SYSTEM);
    SavedPlan plan = requests.loadPlan(requestId)
        .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("no saved plan to check", "TerraformFailed"));
    JsonNode planJson;
    try {
      planJson = json.readTree(secrets.open(plan.sealedJson(), requestId));
    } catch (IOException e) {
      throw ApplicationFailure.newNonRetryableFailure("the saved plan's JSON does not parse", "TerraformFailed");
    }
    PolicyEvaluation evaluation = policies.evaluate(PolicyStage.PLAN,
        PolicyInputs.planStage(requestStage(request), planJson));
    return record(requestId, evaluation, plan.sha256());
  }

  @Override
  public long openApproval(String requestId, boolean newDeadline) {
    Instant deadline = guardrails.openApproval(requestId, clock.instant().plus(approvalTimeout), newDeadline);
    requests.setStatus(requestId, RequestStatus.AWAITING_APPROVAL);
    requests.stepStarted(requestId, StepName.APPROVAL, clock.instant(), "pending");
    return deadline.toEpochMilli();
  }

  @Override
  public ApprovalDecision decision(String requestId) {
    return requests.loadPlan(requestId)
        .flatMap(plan -> guardrails.decision(requestId, plan.sha256()))
        .orElse(null);
  }

  @Override
  public void closeApproval(String requestId, String outcome, String actor) {
    requests.stepFinished(requestId, StepName.APPROVAL, clock.instant(), outcome, actor);
  }

  private PolicyCheck record(String requestId, PolicyEvaluation evaluation, String planSha256) {
    Instant now = clock.instant();
    guardrails.savePolicyResults(requestId, evaluation.results(), planSha256, now);
    PolicyVerdict verdict = evaluation.verdict();
    requests.stepFinished(requestId, StepName.POLICY, now, verdict == PolicyVerdict.DENIED ? "denied" : "ok", null);
    String message = evaluation.results().stream()
        .filter(PolicyResult::failed)
        .filter(r -> verdict == PolicyVerdict.DENIED ? "hard-mandatory".equals(r.enforcement())
            : "soft-mandatory".equals(r.enforcement()))
        .map(r -> r.policy() + ": " + r.message())
        .collect(Collectors.joining("; "));
    return switch (verdict) {
      case DENIED -> new PolicyCheck(PolicyCheck.DENIED, "denied by policy " + message);
      case NEEDS_APPROVAL -> new PolicyCheck(PolicyCheck.NEEDS_APPROVAL, message);
      case ALLOWED -> new PolicyCheck(PolicyCheck.ALLOWED, null);
    };
  }

  private Map<String, Object> requestStage(RunRequest request) {
    CatalogModule module = catalog.find(request.module(), request.version())
        .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
            "module " + request.module() + " " + request.version() + " is no longer in the catalog", "TerraformFailed"));
    return PolicyDocuments.requestStage(request, module);
  }
}
