package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.values.NullValue;
import dev.pave.workflows.contract.PolicyOutcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonInputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void jsonBecomesMapsListsLongsAndDoubles() throws Exception {
    Object value = JsonInputs.toCelValue(JSON.readTree(
        "{\"a\": 1, \"b\": 2.5, \"c\": [true, \"x\", null], \"d\": {\"e\": 100000000000}, \"f\": 3.0,"
            + " \"huge\": 123456789012345678901234567890}"));
    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(map.get("a")).isEqualTo(1L);
    assertThat(map.get("b")).isEqualTo(2.5d);
    assertThat(map.get("c")).isEqualTo(List.of(true, "x", NullValue.NULL_VALUE));
    assertThat(map.get("d")).isEqualTo(Map.of("e", 100000000000L));
    assertThat(map.get("f")).isEqualTo(3.0d);
    assertThat(map.get("huge")).isInstanceOf(Double.class);
  }

  @Test
  void javaNumbersAreNormalisedToo() {
    Map<String, Object> map = JsonInputs.normalizeMap(Map.of("i", 3, "s", (short) 4, "f", 1.5f,
        "bd", new BigDecimal("7"), "bdf", new BigDecimal("7.25")));
    assertThat(map).containsEntry("i", 3L).containsEntry("s", 4L).containsEntry("f", 1.5d)
        .containsEntry("bd", 7L).containsEntry("bdf", 7.25d);
  }

  @Test
  void somethingThatIsNotJsonIsRejected() {
    assertThatThrownBy(() -> JsonInputs.normalize(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonInputs.normalizeMap(Map.of(1, "x")))
        .hasMessageContaining("map keys must be strings");
  }

  /** The rule in docs/policies.md: comparisons mix int and double freely. */
  @Test
  void comparisonsMixIntegersAndDecimals() throws Exception {
    PolicySet set = PolicyFiles.single(dir, "cost", "request", "hard-mandatory", null,
        "cost.monthlyUsd > 100 && cost.count == 3.0 && cost.count < 3.5 && cost.monthlyUsd >= 100.5");
    Map<String, Object> input = JsonInputs.toCelMap(JSON.readTree(
        "{\"request\":{},\"requester\":{},\"module\":{},\"cost\":{\"monthlyUsd\":100.5,\"count\":3}}"));
    assertThat(set.evaluate(PolicyStage.REQUEST, input).results().get(0).result()).isEqualTo(PolicyOutcome.DENY);
  }

  /** ...but arithmetic does not: CEL has no int + double. */
  @Test
  void arithmeticDoesNotMixSoItIsAnError() throws Exception {
    PolicySet set = PolicyFiles.single(dir, "sum", "request", "hard-mandatory", null,
        "cost.count + 0.5 > 1");
    Map<String, Object> input = JsonInputs.toCelMap(JSON.readTree(
        "{\"request\":{},\"requester\":{},\"module\":{},\"cost\":{\"count\":3}}"));
    PolicyResult result = set.evaluate(PolicyStage.REQUEST, input).results().get(0);
    assertThat(result.result()).isEqualTo(PolicyOutcome.ERROR);
    assertThat(result.message()).contains("No matching overload for function '_+_'");
  }
}
