package dev.pave.workflows.terraform;

import java.util.List;

/** A successful apply of a saved plan. */
public record ApplyResult(ChangeSummary summary, List<Diagnostic> warnings) {

  public ApplyResult {
    warnings = List.copyOf(warnings);
  }
}
