package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.workflows.contract.PolicyOutcome;
import dev.pave.workflows.contract.PolicyVerdict;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy cannot pin a core or fill the heap: it stops fast, as an error that blocks like a deny. */
class EvaluationBudgetTest {

  @TempDir Path dir;

  private static final Map<String, Object> INPUT = Map.of(
      "request", Map.of("environment", "prod"), "requester", Map.of(), "module", Map.of(), "cost", Map.of());

  private static String list(int size) {
    return IntStream.range(0, size).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
  }

  private PolicyResult evaluate(String deny) {
    PolicySet set = PolicyFiles.single(dir, "greedy", "request", "hard-mandatory", null, deny);
    long start = System.nanoTime();
    PolicyEvaluation evaluation = set.evaluate(PolicyStage.REQUEST, INPUT);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("stopped within a second").isLessThan(1_000);
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.DENIED);
    return evaluation.results().get(0);
  }

  @Test
  void aNestedComprehensionStopsFastAndDenies() {
    // 300^3 = 27 million iterations: minutes of one core without a bound.
    String l = list(300);
    PolicyResult result = evaluate(l + ".all(x, " + l + ".all(y, " + l + ".all(z, z >= 0)))");

    assertThat(result.result()).isEqualTo(PolicyOutcome.ERROR);
    // Whichever bound comes first on this machine: iterations when it is idle, time when it is busy.
    assertThat(result.message()).startsWith("policy could not be evaluated, so it counts as a deny: deny at greedy.yaml:5: ")
        .containsAnyOf("stopped: more than " + EvaluationBudget.MAX_ITERATIONS
            + " comprehension iterations in one evaluation (nested all/exists/map/filter multiply)",
            "stopped: evaluation took longer than " + EvaluationBudget.MAX_TIME.toMillis() + " ms");
  }

  @Test
  void aValueThatDoublesUntilTheHeapIsFullStopsAtTheSizeLimit() {
    // Each level doubles the string: 40 levels would be a terabyte.
    String expression = "'ab'";
    for (int i = 0; i < 40; i++) {
      expression = "[" + expression + "].map(s" + i + ", s" + i + " + s" + i + ")[0]";
    }
    PolicyResult result = evaluate("size(" + expression + ") > 0");

    assertThat(result.result()).isEqualTo(PolicyOutcome.ERROR);
    assertThat(result.message()).contains("stopped: produced a value of more than " + EvaluationBudget.MAX_VALUE_SIZE);
  }

  @Test
  void anOrdinaryPolicyIsNotTouchedByTheBudget() {
    // The size of a large plan walked twice over: thousands of steps, far below every bound.
    String l = list(40);
    PolicySet set = PolicyFiles.single(dir, "fine", "request", "hard-mandatory", null,
        l + ".all(x, " + l + ".exists(y, y == x)) && request.environment == 'dev'");
    assertThat(set.evaluate(PolicyStage.REQUEST, INPUT).results().get(0).result()).isEqualTo(PolicyOutcome.PASS);
  }
}
