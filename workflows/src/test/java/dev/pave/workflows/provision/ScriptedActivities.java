package dev.pave.workflows.provision;

import dev.pave.workflows.activities.Admission;
import dev.pave.workflows.activities.ApplyOutcome;
import dev.pave.workflows.activities.ApprovalDecision;
import dev.pave.workflows.activities.GuardrailActivities;
import dev.pave.workflows.activities.PlanOutcome;
import dev.pave.workflows.activities.PolicyCheck;
import dev.pave.workflows.activities.ProvisionActivities;
import dev.pave.workflows.activities.RunStart;
import dev.pave.workflows.contract.ApprovalOutcome;
import dev.pave.workflows.contract.PolicyVerdict;
import dev.pave.workflows.contract.RequestAction;
import dev.pave.workflows.contract.RequestStatus;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Activities with scripted answers, for testing the workflow's orchestration alone. The real
 * activities are tested against real Terraform and PostgreSQL elsewhere.
 */
class ScriptedActivities implements ProvisionActivities, GuardrailActivities {

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final Set<String> failPlanFor = ConcurrentHashMap.newKeySet();
  final Set<String> failApplyFor = ConcurrentHashMap.newKeySet();
  final Set<String> resumeApplyFor = new HashSet<>();
  /** Requests whose first apply finds the saved plan stale. */
  final Set<String> staleOnce = ConcurrentHashMap.newKeySet();
  final Map<String, PolicyCheck> requestChecks = new ConcurrentHashMap<>();
  final Map<String, PolicyCheck> planChecks = new ConcurrentHashMap<>();
  /** Successive plan-check answers for one request (a re-plan is checked again). */
  final Map<String, java.util.Deque<PolicyCheck>> planCheckSequence = new ConcurrentHashMap<>();
  /** Decisions an approver has stored, by request id. */
  final Map<String, ApprovalDecision> decisions = new ConcurrentHashMap<>();
  long approvalTimeoutMillis = 72L * 3600 * 1000;
  /** Request id to the request ahead of it in its workspace line (null: first in line). */
  final Map<String, String> ahead = new ConcurrentHashMap<>();
  final Map<String, String> finished = new ConcurrentHashMap<>();
  /** Requests that are speculative plans (the others are applies). */
  final Set<String> speculative = ConcurrentHashMap.newKeySet();
  /** Requests whose cancel reaches the database just before the apply would start, and by whom. */
  final Map<String, String> cancelledBeforeApply = new ConcurrentHashMap<>();

  @Override
  public Admission admit(String requestId) {
    String before = ahead.get(requestId);
    if (before != null && !finished.containsKey(before)) {
      return Admission.waiting();
    }
    calls.add("begin " + requestId);
    RunStart start = new RunStart(speculative.contains(requestId) ? RequestAction.PLAN : RequestAction.APPLY,
        resumeApplyFor.contains(requestId) ? RunStart.Phase.APPLY : RunStart.Phase.START, false);
    return new Admission(true, start, start.phase() == RunStart.Phase.START ? checkRequest(requestId) : null);
  }

  private void init(String requestId) {
    calls.add("init " + requestId);
  }

  @Override
  public PlanOutcome plan(String requestId) {
    madePlan(requestId);
    return new PlanOutcome(true, 2, 0, 0, "sha256:abc", checkPlan(requestId));
  }

  private void madePlan(String requestId) {
    calls.add("plan " + requestId);
    decisions.remove(requestId); // a decision is about one plan; a new plan has none yet
    if (failPlanFor.contains(requestId)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "terraform plan failed (exit 1): Invalid value for variable: database_name must be lower case", "TerraformFailed");
    }
  }

  private PolicyCheck checkRequest(String requestId) {
    calls.add("checkRequest " + requestId);
    return requestChecks.getOrDefault(requestId, new PolicyCheck(PolicyVerdict.ALLOWED, null));
  }

  private PolicyCheck checkPlan(String requestId) {
    calls.add("checkPlan " + requestId);
    java.util.Deque<PolicyCheck> sequence = planCheckSequence.get(requestId);
    if (sequence != null && !sequence.isEmpty()) {
      return sequence.poll();
    }
    return planChecks.getOrDefault(requestId, new PolicyCheck(PolicyVerdict.ALLOWED, null));
  }

  @Override
  public long openApproval(String requestId, boolean newDeadline) {
    calls.add("openApproval " + requestId + (newDeadline ? " (new plan)" : ""));
    return io.temporal.activity.Activity.getExecutionContext().getInfo().getScheduledTimestamp() + approvalTimeoutMillis;
  }

  @Override
  public ApprovalDecision decision(String requestId) {
    return decisions.get(requestId);
  }

  @Override
  public void closeApproval(String requestId, ApprovalOutcome outcome, String actor) {
    calls.add("closeApproval " + requestId + " " + outcome.wireName() + " by " + actor);
  }

  @Override
  public PlanOutcome initAndPlan(String requestId) {
    init(requestId);
    return plan(requestId);
  }

  @Override
  public ApplyOutcome apply(String requestId) {
    String canceller = cancelledBeforeApply.get(requestId);
    if (canceller != null) {
      calls.add("apply refused " + requestId);
      return ApplyOutcome.cancelledBy(canceller);
    }
    calls.add("apply " + requestId);
    if (failApplyFor.contains(requestId)) {
      throw ApplicationFailure.newNonRetryableFailure("terraform apply failed (exit 1): Error: creating database", "TerraformFailed");
    }
    if (staleOnce.remove(requestId)) {
      throw ApplicationFailure.newNonRetryableFailure("Saved plan is stale", "StalePlan");
    }
    return ApplyOutcome.done();
  }

  @Override
  public String finish(String requestId, RequestStatus status, String error) {
    calls.add("finish " + requestId + " " + status.wireName() + (error == null ? "" : ": " + error));
    finished.put(requestId, status.wireName());
    return ahead.entrySet().stream().filter(e -> requestId.equals(e.getValue())).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }
}
