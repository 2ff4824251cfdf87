package dev.pave.workflows.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded policies, in name order so results are recorded in a stable order. */
public final class PolicySet {
  private final List<Policy> policies;

  public PolicySet(List<Policy> policies) {
    this.policies = policies.stream().sorted(Comparator.comparing(Policy::name)).toList();
  }

  public List<Policy> policies() {
    return policies;
  }

  public Optional<Policy> policy(String name) {
    return policies.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Runs every policy of {@code stage} on {@code input} (an input document as built by {@link
   * PolicyInputs}). Never throws for a policy's sake: a policy that cannot be evaluated is an
   * "error" result, which blocks like a deny.
   */
  public PolicyEvaluation evaluate(PolicyStage stage, Map<String, ?> input) {
    Map<String, Object> normalized = JsonInputs.normalizeMap(input);
    return new PolicyEvaluation(policies.stream()
        .filter(p -> p.stage() == stage)
        .map(p -> p.evaluateNormalized(normalized))
        .toList());
  }
}
