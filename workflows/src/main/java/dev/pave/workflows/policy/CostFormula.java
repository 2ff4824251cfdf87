package dev.pave.workflows.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/** A compiled cost formula: compile once when the catalog loads, estimate per request. */
public final class CostFormula {
  private final String source;
  private final CelRuntime.Program program;

  CostFormula(String source, CelRuntime.Program program) {
    this.source = source;
    this.program = program;
  }

  public String source() {
    return source;
  }

  /** Monthly USD for these module inputs (a JSON object; null means no inputs). */
  public double estimate(JsonNode inputs) {
    return estimate(inputs == null || inputs.isNull() ? Map.of() : JsonInputs.toCelMap(inputs));
  }

  /** Monthly USD for module inputs given as a map (normalised like JSON). */
  public double estimate(Map<String, ?> inputs) {
    Object value;
    try {
      value = EvaluationBudget.eval(program, Map.of("inputs", JsonInputs.normalizeMap(inputs)));
    } catch (EvaluationBudget.Exceeded e) {
      throw failure(e.getMessage());
    } catch (CelEvaluationException e) {
      throw failure(CelMessages.of(e));
    }
    if (!(value instanceof Long || value instanceof Double)) {
      throw failure("gave " + (value == null ? "null" : value.getClass().getSimpleName())
          + ", not a number");
    }
    double usd = ((Number) value).doubleValue();
    if (Double.isNaN(usd) || Double.isInfinite(usd) || usd < 0) {
      // A negative estimate would lower a request below a cost ceiling: never accept one.
      throw failure("gave " + usd + ", not a finite amount of zero or more");
    }
    return usd;
  }

  private CostFormulaException failure(String problem) {
    return new CostFormulaException("cost formula '" + source + "' " + problem);
  }

  @Override
  public String toString() {
    return source;
  }
}
