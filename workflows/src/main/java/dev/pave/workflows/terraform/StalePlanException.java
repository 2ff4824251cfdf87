package dev.pave.workflows.terraform;

import java.util.List;

/** "Saved plan is stale": the state changed since the plan was made; plan (and check) again, never apply blind. */
public class StalePlanException extends TerraformException {

  static final String SUMMARY = "Saved plan is stale";

  public StalePlanException(String command, int exitCode, List<Diagnostic> diagnostics, List<String> stderrTail) {
    super(command, exitCode, diagnostics, stderrTail);
  }
}
