package dev.pave.workflows.terraform;

import java.util.List;

/** "Error acquiring the state lock": another run holds the workspace's state; retry later. */
public class StateLockedException extends TerraformException {

  static final String SUMMARY = "Error acquiring the state lock";

  public StateLockedException(String command, int exitCode, List<Diagnostic> diagnostics, List<String> stderrTail) {
    super(command, exitCode, diagnostics, stderrTail);
  }
}
