package dev.pave.workflows.policy;

import dev.pave.workflows.contract.PolicyEnforcement;
import dev.pave.workflows.contract.PolicyVerdict;
import java.util.List;

/** The results of one stage's policies on one input, ordered by policy name. */
public record PolicyEvaluation(List<PolicyResult> results) {

  public PolicyEvaluation {
    results = List.copyOf(results);
  }

  /** The strongest enforcement among failed policies decides; advisory failures only warn. */
  public PolicyVerdict verdict() {
    if (failedAt(PolicyEnforcement.HARD_MANDATORY)) {
      return PolicyVerdict.DENIED;
    }
    if (failedAt(PolicyEnforcement.SOFT_MANDATORY)) {
      return PolicyVerdict.NEEDS_APPROVAL;
    }
    return PolicyVerdict.ALLOWED;
  }

  /** Advisory policies that denied or errored: shown to the requester, never blocking. */
  public List<PolicyResult> warnings() {
    return results.stream()
        .filter(r -> r.failed() && r.enforcement() == PolicyEnforcement.ADVISORY)
        .toList();
  }

  private boolean failedAt(PolicyEnforcement level) {
    return results.stream().anyMatch(r -> r.failed() && r.enforcement() == level);
  }
}
