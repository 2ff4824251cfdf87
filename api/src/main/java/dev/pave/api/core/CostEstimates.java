package dev.pave.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.policy.CostEstimator;
import dev.pave.workflows.policy.CostFormula;
import dev.pave.workflows.policy.CostFormulaException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly cost estimates from the modules' CEL formulas, compiled once at start: a formula that
 * does not compile stops Pave, naming the module. An estimate that fails for some inputs is
 * "unknown" (null), which the cost policies treat as needing a human: never as free.
 */
public final class CostEstimates {

  private static final Logger LOG = LoggerFactory.getLogger(CostEstimates.class);

  private final Map<String, CostFormula> formulas = new HashMap<>();

  public CostEstimates(ModuleCatalog catalog) {
    for (CatalogModule module : catalog.modules()) {
      if (module.costFormula() == null) {
        continue;
      }
      try {
        formulas.put(key(module), CostEstimator.compile(module.costFormula()));
      } catch (CostFormulaException e) {
        throw new IllegalStateException("the costFormula of module " + module.name() + " " + module.version()
            + " (" + module.directory().resolve("pave.yaml") + ") does not compile: " + e.getMessage(), e);
      }
    }
  }

  /** Monthly USD, or null when the module has no formula or it cannot be evaluated for these inputs. */
  public Double monthlyUsd(CatalogModule module, JsonNode inputs) {
    CostFormula formula = formulas.get(key(module));
    if (formula == null) {
      return null;
    }
    try {
      return formula.estimate(module.effectiveInputs(inputs));
    } catch (CostFormulaException e) {
      LOG.warn("cost formula of {} {} failed: {}", module.name(), module.version(), e.getMessage());
      return null;
    }
  }

  private static String key(CatalogModule module) {
    return module.name() + "@" + module.version();
  }
}
