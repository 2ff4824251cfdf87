package dev.pave.workflows.terraform;

import java.util.List;

/**
 * A successful plan.
 *
 * @param hasChanges from {@code -detailed-exitcode}; can be true with an empty summary when only
 *     outputs change
 */
public record PlanResult(boolean hasChanges, ChangeSummary summary, List<Diagnostic> warnings) {

  public PlanResult {
    warnings = List.copyOf(warnings);
  }
}
