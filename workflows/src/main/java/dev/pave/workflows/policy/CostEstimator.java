package dev.pave.workflows.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.runtime.CelEvaluationException;
import java.util.Set;

/**
 * Monthly cost estimates from a module's CEL formula, which reads {@code inputs}, for example
 * {@code 5.0 + double(inputs.connection_limit) * 0.5}. Numbers follow {@link JsonInputs}; CEL has
 * no mixed int/double arithmetic, so formulas convert with {@code double(...)}.
 */
public final class CostEstimator {
  /** Result types a formula may have; {@code dyn} is checked when it runs. */
  private static final Set<CelKind> NUMERIC =
      Set.of(CelKind.INT, CelKind.UINT, CelKind.DOUBLE, CelKind.DYN);

  private CostEstimator() {}

  /** Compiles a formula; a formula that cannot compute a number fails here, at catalog load. */
  public static CostFormula compile(String celFormula) {
    if (celFormula == null || celFormula.isBlank()) {
      throw new CostFormulaException("cost formula is empty");
    }
    try {
      var cel = CelEnvironment.forCostFormulas();
      var ast = cel.compile(celFormula).getAst();
      if (!NUMERIC.contains(ast.getResultType().kind())) {
        throw new CostFormulaException("cost formula '" + celFormula + "' gives "
            + ast.getResultType().name() + ", not a number");
      }
      return new CostFormula(celFormula, cel.createProgram(ast));
    } catch (CelValidationException e) {
      throw new CostFormulaException("cost formula does not compile: " + e.getMessage());
    } catch (CelEvaluationException e) {
      throw new CostFormulaException("cost formula cannot be planned: " + e.getMessage());
    }
  }

  /** One-off estimate; prefer {@link #compile} and reuse the formula. */
  public static double estimate(String celFormula, JsonNode inputs) {
    return compile(celFormula).estimate(inputs);
  }
}
