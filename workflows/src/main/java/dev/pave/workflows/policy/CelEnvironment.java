package dev.pave.workflows.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The CEL environments Pave compiles expressions in. Built once: a {@link Cel} is immutable and
 * thread-safe, and building one is the slow part (the first compile takes about 300 ms).
 */
final class CelEnvironment {
  /**
   * Heterogeneous numeric comparisons are off by default in cel-java 0.14: {@code cost > 100}
   * with a double cost finds no overload at runtime. JSON has one number type, so a policy
   * author cannot know whether a value arrives as int or double; comparisons must work either
   * way. Arithmetic stays strict (CEL has no mixed int/double arithmetic): use {@code double(x)}.
   * The bounds of {@link EvaluationBudget} come with the options.
   */
  private static final CelOptions OPTIONS =
      EvaluationBudget.options().enableHeterogeneousNumericComparisons(true).build();

  private static final Map<PolicyStage, Cel> POLICY_ENVIRONMENTS = new EnumMap<>(PolicyStage.class);

  static {
    for (PolicyStage stage : PolicyStage.values()) {
      POLICY_ENVIRONMENTS.put(stage, build(stage.variables(), SimpleType.BOOL));
    }
  }

  /** Cost formulas see only the module inputs, and may return any number (checked at runtime). */
  private static final Cel COST_FORMULAS = build(List.of("inputs"), SimpleType.DYN);

  private CelEnvironment() {}

  /** Policy expressions must be bool; every declared variable is a JSON object. */
  static Cel forPolicies(PolicyStage stage) {
    return POLICY_ENVIRONMENTS.get(stage);
  }

  static Cel forCostFormulas() {
    return COST_FORMULAS;
  }

  private static Cel build(List<String> variables, CelType resultType) {
    // Without the standard macros, all/exists/filter/map/has are undeclared references.
    var builder = CelFactory.standardCelBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setResultType(resultType);
    for (String variable : variables) {
      builder.addVar(variable, MapType.create(SimpleType.STRING, SimpleType.DYN));
    }
    return builder.build();
  }
}
