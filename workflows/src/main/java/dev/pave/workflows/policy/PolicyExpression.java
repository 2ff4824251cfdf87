package dev.pave.workflows.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import java.util.List;
import java.util.Map;

/** One compiled {@code when} or {@code deny} expression, with where it came from. */
public final class PolicyExpression {
  private final String source;
  private final int line;
  private final List<String> variables;
  private final CelRuntime.Program program;

  PolicyExpression(String source, int line, List<String> variables, CelRuntime.Program program) {
    this.source = source;
    this.line = line;
    this.variables = variables;
    this.program = program;
  }

  /** The CEL text as written in the policy file. */
  public String source() {
    return source;
  }

  /** The line of the policy file the expression starts on. */
  public int line() {
    return line;
  }

  /**
   * Evaluates against a normalised input, within {@link EvaluationBudget}; any failure to produce a
   * bool, an exceeded budget included, is an exception.
   */
  boolean evaluate(Map<String, Object> input) throws PolicyEvaluationException {
    Object value;
    try {
      value = EvaluationBudget.eval(program, input);
    } catch (EvaluationBudget.Exceeded e) {
      throw new PolicyEvaluationException(e.getMessage());
    } catch (CelEvaluationException e) {
      throw new PolicyEvaluationException(CelMessages.of(e));
    } catch (RuntimeException e) {
      // Never fail open: whatever cel-java throws is this policy's error, not a pass.
      throw new PolicyEvaluationException("unexpected " + e.getClass().getSimpleName());
    }
    if (value instanceof Boolean result) {
      return result;
    }
    if (value instanceof CelUnknownSet) {
      // cel-java returns an "unknown" rather than failing when a declared variable is absent.
      List<String> missing = variables.stream().filter(v -> !input.containsKey(v)).toList();
      throw new PolicyEvaluationException("the input has no " + String.join(", ", missing));
    }
    throw new PolicyEvaluationException("produced " + value.getClass().getSimpleName() + ", not a bool");
  }

  @Override
  public String toString() {
    return source;
  }
}
