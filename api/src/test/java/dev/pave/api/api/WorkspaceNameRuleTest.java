package dev.pave.api.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.workflows.contract.PolicyOutcome;
import dev.pave.workflows.policy.Policy;
import dev.pave.workflows.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API's rule for a new workspace name and the shipped naming-convention policy agree on
 * every name: a name the API (and so the form and the OpenAPI document) accepts is never denied
 * by that policy after a 202, and a name the policy would deny is refused at once, on its field.
 */
class WorkspaceNameRuleTest {

  @Test
  void theShippedNamingPolicyAllowsExactlyWhatTheRuleAllows() {
    Policy naming = PolicyLoader.load(Path.of("../policies")).policy("naming-convention").orElseThrow();
    List<String> names = new ArrayList<>();
    for (int length = 1; length <= 64; length++) {
      names.add("a" + "b".repeat(length - 1));
      names.add("a" + "-1".repeat(length / 2) + (length % 2 == 0 ? "" : "x"));
    }
    names.addAll(List.of("Orders", "1orders", "-orders", "orders_db", "orders.db", "orders db", "ordérs", ""));
    List<String> disagreements = new ArrayList<>();
    for (String name : names) {
      boolean policyAllows = naming.evaluate(Map.of("request", Map.of("workspace", name, "inputs", Map.of())))
          .result() == PolicyOutcome.PASS;
      if (policyAllows != WorkspaceNameRule.PATTERN.matcher(name).matches()) {
        disagreements.add(name + " (policy " + (policyAllows ? "allows" : "denies") + ")");
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(WorkspaceNameRule.PATTERN.matcher("ab").matches()).as("the old 2-character minimum").isFalse();
    assertThat(WorkspaceNameRule.PATTERN.matcher("a" + "b".repeat(41)).matches()).as("42 characters").isFalse();
  }
}
