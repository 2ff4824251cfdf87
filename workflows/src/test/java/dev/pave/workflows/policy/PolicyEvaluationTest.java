package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.workflows.contract.PolicyEnforcement;
import dev.pave.workflows.contract.PolicyOutcome;
import dev.pave.workflows.contract.PolicyVerdict;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyEvaluationTest {
  @TempDir Path dir;

  private static Map<String, Object> request(String environment, String action) {
    Map<String, Object> request = new HashMap<>();
    request.put("environment", environment);
    request.put("action", action);
    request.put("inputs", Map.of());
    return Map.of("request", request, "requester", Map.of(), "module", Map.of(), "cost", Map.of());
  }

  private PolicySet threeLevels() {
    PolicyFiles.write(dir, "warn-dev.yaml",
        PolicyFiles.policy("warn-dev", "request", "advisory", null, "request.environment == 'dev'"));
    PolicyFiles.write(dir, "approve-prod.yaml",
        PolicyFiles.policy("approve-prod", "request", "soft-mandatory", null, "request.environment == 'prod'"));
    PolicyFiles.write(dir, "deny-destroy.yaml", PolicyFiles.policy("deny-destroy", "request",
        "hard-mandatory", "request.environment == 'prod'", "request.action == 'destroy'"));
    PolicyFiles.write(dir, "plan-only.yaml",
        PolicyFiles.policy("plan-only", "plan", "hard-mandatory", null, "true"));
    return PolicyLoader.load(dir);
  }

  @Test
  void advisoryDenyIsAWarningOnly() {
    PolicyEvaluation evaluation = threeLevels().evaluate(PolicyStage.REQUEST, request("dev", "apply"));
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.ALLOWED);
    assertThat(evaluation.warnings()).extracting(PolicyResult::policy).containsExactly("warn-dev");
    assertThat(evaluation.warnings().get(0).message()).isEqualTo("warn-dev denied");
  }

  @Test
  void softMandatoryDenyNeedsApproval() {
    PolicyEvaluation evaluation = threeLevels().evaluate(PolicyStage.REQUEST, request("prod", "apply"));
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.NEEDS_APPROVAL);
  }

  @Test
  void hardMandatoryDenyWinsOverEverything() {
    PolicyEvaluation evaluation = threeLevels().evaluate(PolicyStage.REQUEST, request("prod", "destroy"));
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.DENIED);
  }

  @Test
  void resultsAreOneStageInNameOrderWithHashesAndSkips() {
    PolicySet set = threeLevels();
    List<PolicyResult> results = set.evaluate(PolicyStage.REQUEST, request("dev", "apply")).results();
    assertThat(results).extracting(PolicyResult::policy)
        .containsExactly("approve-prod", "deny-destroy", "warn-dev");
    assertThat(results).extracting(PolicyResult::result).containsExactly(PolicyOutcome.PASS, PolicyOutcome.SKIP, PolicyOutcome.DENY);
    assertThat(results.get(0)).isEqualTo(new PolicyResult("approve-prod", "request", PolicyEnforcement.SOFT_MANDATORY,
        PolicyOutcome.PASS, null, set.policy("approve-prod").orElseThrow().contentHash()));
  }

  @Test
  void anErrorIsADenyAtItsLevelAndSaysSo() {
    PolicySet set = PolicyFiles.single(dir, "needs-ttl", "request", "hard-mandatory", null,
        "request.ttlHours > 720");
    PolicyEvaluation evaluation = set.evaluate(PolicyStage.REQUEST, request("dev", "apply"));
    PolicyResult result = evaluation.results().get(0);
    assertThat(result.result()).isEqualTo(PolicyOutcome.ERROR);
    assertThat(result.message())
        .contains("counts as a deny")
        .contains("deny at needs-ttl.yaml:5")
        .contains("key 'ttlHours' is not present in map");
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.DENIED);
  }

  @Test
  void anErrorInWhenIsAnErrorNotASkip() {
    PolicySet set = PolicyFiles.single(dir, "soft", "request", "soft-mandatory",
        "request.tier == 'gold'", "false");
    PolicyEvaluation evaluation = set.evaluate(PolicyStage.REQUEST, request("dev", "apply"));
    assertThat(evaluation.results().get(0).result()).isEqualTo(PolicyOutcome.ERROR);
    assertThat(evaluation.results().get(0).message()).contains("when at soft.yaml:5");
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.NEEDS_APPROVAL);
  }

  @Test
  void anAdvisoryErrorWarnsButDoesNotBlock() {
    PolicySet set = PolicyFiles.single(dir, "adv", "request", "advisory", null, "request.nope == 1");
    PolicyEvaluation evaluation = set.evaluate(PolicyStage.REQUEST, request("dev", "apply"));
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.ALLOWED);
    assertThat(evaluation.warnings()).hasSize(1);
  }

  @Test
  void typeMismatchIsAnError() {
    PolicySet set = PolicyFiles.single(dir, "mismatch", "request", "hard-mandatory", null,
        "request.environment > 3");
    assertThat(set.evaluate(PolicyStage.REQUEST, request("dev", "apply")).results().get(0).message())
        .contains("No matching overload");
  }

  @Test
  void aDynValueThatIsNotABoolIsAnError() {
    // Compiles (dyn may be a bool), so only evaluation can catch it.
    PolicySet set = PolicyFiles.single(dir, "not-bool", "request", "hard-mandatory", null,
        "request.environment");
    PolicyResult result = set.evaluate(PolicyStage.REQUEST, request("dev", "apply")).results().get(0);
    assertThat(result.result()).isEqualTo(PolicyOutcome.ERROR);
    assertThat(result.message()).contains("produced String, not a bool");
  }

  @Test
  void aMissingTopLevelVariableIsAnErrorNotAnUnknown() {
    // cel-java answers an absent variable with an "unknown set", not an exception.
    PolicySet set = PolicyFiles.single(dir, "team", "request", "hard-mandatory", null,
        "requester.team == 'x'");
    PolicyResult result = set.evaluate(PolicyStage.REQUEST, Map.of("request", Map.of())).results().get(0);
    assertThat(result.result()).isEqualTo(PolicyOutcome.ERROR);
    assertThat(result.message()).contains("the input has no workspace, requester, module, cost");
  }

  @Test
  void inputValuesInErrorsAreRedacted() {
    PolicySet set = PolicyFiles.single(dir, "leak", "request", "hard-mandatory", null,
        "int(request.inputs.password) > 3");
    Map<String, Object> input = new HashMap<>(request("dev", "apply"));
    input.put("request", Map.of("inputs", Map.of("password", "hunter2")));
    PolicyResult result = set.evaluate(PolicyStage.REQUEST, input).results().get(0);
    assertThat(result.result()).isEqualTo(PolicyOutcome.ERROR);
    assertThat(result.message()).doesNotContain("hunter2");
  }

  @Test
  void nullFromJavaOrJsonIsCelNull() {
    PolicySet set = PolicyFiles.single(dir, "ttl", "request", "hard-mandatory", null,
        "request.ttlHours == null");
    Map<String, Object> request = new HashMap<>();
    request.put("ttlHours", null);
    Map<String, Object> input = new HashMap<>(request("dev", "apply"));
    input.put("request", request);
    assertThat(set.evaluate(PolicyStage.REQUEST, input).results().get(0).result()).isEqualTo(PolicyOutcome.DENY);
  }

  @Test
  void noPoliciesForAStageAllows() {
    PolicySet set = PolicyFiles.single(dir, "req", "request", "hard-mandatory", null, "true");
    PolicyEvaluation evaluation = set.evaluate(PolicyStage.PLAN, request("dev", "apply"));
    assertThat(evaluation.results()).isEmpty();
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.ALLOWED);
  }
}
