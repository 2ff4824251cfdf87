package dev.pave.workflows.policy;

import dev.cel.common.CelOptions;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Bounds every CEL evaluation, live and simulated: a policy is code, and anyone who may submit
 * one (a deploy, a simulation) could otherwise pin a core for minutes with a nested comprehension
 * or fill the heap by doubling a string. cel-java 0.14 has no cost tracker and no static cost
 * estimator, so the bounds are enforced while evaluating:
 *
 * <ul>
 *   <li>comprehension iterations, summed over all (nested) comprehensions of one evaluation,
 *       enforced by cel-java itself ({@link CelOptions#comprehensionMaxIterations()});
 *   <li>evaluation steps (every sub-expression evaluated), counted by a listener;
 *   <li>wall-clock time, checked by the same listener;
 *   <li>the size of any value produced (string length, list or map entries);
 *   <li>the size of a compiled regular expression (RE2, so matching itself is linear).
 * </ul>
 *
 * Exceeding any of them is an evaluation error, which counts as a deny (fail closed).
 */
final class EvaluationBudget {

  static final int MAX_ITERATIONS = 100_000;
  static final long MAX_STEPS = 1_000_000;
  static final Duration MAX_TIME = Duration.ofMillis(500);
  static final int MAX_VALUE_SIZE = 1_000_000;
  static final int MAX_REGEX_PROGRAM_SIZE = 5_000;

  /** Checking the clock on every step would cost more than the step. */
  private static final int CLOCK_EVERY = 1024;

  private EvaluationBudget() {}

  /** The options every Pave CEL environment is built with, bounds included. */
  static CelOptions.Builder options() {
    return CelOptions.current()
        .comprehensionMaxIterations(MAX_ITERATIONS)
        .maxRegexProgramSize(MAX_REGEX_PROGRAM_SIZE);
  }

  /** Evaluates within the budget; an exceeded budget is an {@link Exceeded}, with a message for the author. */
  static Object eval(CelRuntime.Program program, Map<String, ?> input) throws CelEvaluationException {
    Meter meter = new Meter(System.nanoTime() + MAX_TIME.toNanos());
    Object result;
    try {
      result = program.trace(input, meter);
    } catch (CelEvaluationException e) {
      meter.throwIfExceeded();
      if (String.valueOf(e.getMessage()).contains("Iteration budget exceeded")) {
        throw new Exceeded("stopped: more than " + MAX_ITERATIONS
            + " comprehension iterations in one evaluation (nested all/exists/map/filter multiply)");
      }
      throw e;
    } catch (RuntimeException e) {
      meter.throwIfExceeded();
      throw e;
    }
    // CEL's && and || absorb an error when the other side decides, so the meter's exception may
    // have been swallowed on the way out: an exceeded budget overrides whatever came back.
    meter.throwIfExceeded();
    return result;
  }

  /** The evaluation went over a bound; the message says which, and never quotes a value. */
  static final class Exceeded extends RuntimeException {
    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Meter implements CelEvaluationListener {
    private final long deadline;
    private long steps;
    private Exceeded exceeded;

    Meter(long deadline) {
      this.deadline = deadline;
    }

    @Override
    public void callback(CelExpr expr, Object result) {
      if (exceeded != null) {
        throw exceeded; // once over, every further step stops, whatever caught the first throw
      }
      steps++;
      if (steps > MAX_STEPS) {
        stop("stopped: more than " + MAX_STEPS + " evaluation steps");
      }
      if (steps % CLOCK_EVERY == 0) {
        if (System.nanoTime() > deadline) {
          stop("stopped: evaluation took longer than " + MAX_TIME.toMillis() + " ms");
        }
        if (Thread.currentThread().isInterrupted()) {
          stop("stopped: interrupted"); // a simulation past its deadline
        }
      }
      if (sizeOf(result) > MAX_VALUE_SIZE) {
        stop("stopped: produced a value of more than " + MAX_VALUE_SIZE + " characters or elements");
      }
    }

    private void stop(String message) {
      exceeded = new Exceeded(message);
      throw exceeded;
    }

    void throwIfExceeded() {
      if (exceeded != null) {
        throw exceeded;
      }
    }

    private static long sizeOf(Object value) {
      if (value instanceof CharSequence text) {
        return text.length();
      }
      if (value instanceof Collection<?> collection) {
        return collection.size();
      }
      if (value instanceof Map<?, ?> map) {
        return map.size();
      }
      return 0;
    }
  }
}
