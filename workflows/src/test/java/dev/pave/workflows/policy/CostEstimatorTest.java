package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void formulaReadsInputs() throws Exception {
    assertThat(CostEstimator.estimate("5.0 + double(inputs.connection_limit) * 0.5",
        json("{\"connection_limit\": 20}"))).isEqualTo(15.0);
  }

  @Test
  void compiledFormulaIsReused() throws Exception {
    CostFormula formula = CostEstimator.compile(
        "has(inputs.storage_gb) ? double(inputs.storage_gb) * 0.1 : 2.0");
    assertThat(formula.estimate(json("{\"storage_gb\": 100}"))).isEqualTo(10.0);
    assertThat(formula.estimate(json("{}"))).isEqualTo(2.0);
    assertThat(formula.estimate(Map.of("storage_gb", 50))).isEqualTo(5.0);
  }

  @Test
  void anIntegerResultIsANumberToo() throws Exception {
    assertThat(CostEstimator.estimate("inputs.replicas * 10", json("{\"replicas\": 3}"))).isEqualTo(30.0);
  }

  @Test
  void aFormulaThatDoesNotCompileFailsAtCompile() {
    assertThatThrownBy(() -> CostEstimator.compile("5.0 +"))
        .isInstanceOf(CostFormulaException.class)
        .hasMessageContaining("does not compile");
    assertThatThrownBy(() -> CostEstimator.compile("size * 2"))
        .hasMessageContaining("undeclared reference to 'size'");
  }

  @Test
  void aFormulaThatCannotBeANumberFailsAtCompile() {
    assertThatThrownBy(() -> CostEstimator.compile("'cheap'"))
        .isInstanceOf(CostFormulaException.class)
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> CostEstimator.compile(" ")).hasMessageContaining("empty");
  }

  @Test
  void aNonNumericResultIsAnError() throws Exception {
    CostFormula formula = CostEstimator.compile("inputs.tier");
    assertThatThrownBy(() -> formula.estimate(json("{\"tier\": \"gold\"}")))
        .isInstanceOf(CostFormulaException.class)
        .hasMessageContaining("gave String, not a number");
  }

  @Test
  void aNegativeOrNonFiniteResultIsAnError() throws Exception {
    assertThatThrownBy(() -> CostEstimator.estimate("10.0 - double(inputs.discount)",
        json("{\"discount\": 20}"))).hasMessageContaining("gave -10.0");
    assertThatThrownBy(() -> CostEstimator.estimate("0.0 / 0.0", json("{}")))
        .hasMessageContaining("gave NaN");
  }

  @Test
  void mixedArithmeticFailsWithAClearErrorAtEstimate() throws Exception {
    // The reason formulas write double(...): an int input times a double finds no overload.
    assertThatThrownBy(() -> CostEstimator.estimate("inputs.connection_limit * 0.5",
        json("{\"connection_limit\": 20}")))
        .isInstanceOf(CostFormulaException.class)
        .hasMessageContaining("No matching overload");
  }

  @Test
  void aMissingInputIsAnError() throws Exception {
    assertThatThrownBy(() -> CostEstimator.estimate("double(inputs.size)", json("{}")))
        .hasMessageContaining("key 'size' is not present");
  }
}
