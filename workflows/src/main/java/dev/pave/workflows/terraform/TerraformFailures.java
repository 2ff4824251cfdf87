package dev.pave.workflows.terraform;

import java.util.List;

/** Turns a failed run into the most specific exception, so callers can react without reading messages. */
final class TerraformFailures {

  private TerraformFailures() {}

  static TerraformException of(String command, int exitCode, List<Diagnostic> diagnostics, List<String> stderrTail) {
    if (hasError(diagnostics, StateLockedException.SUMMARY) || mentions(stderrTail, StateLockedException.SUMMARY)) {
      return new StateLockedException(command, exitCode, diagnostics, stderrTail);
    }
    if (hasError(diagnostics, StalePlanException.SUMMARY) || mentions(stderrTail, StalePlanException.SUMMARY)) {
      return new StalePlanException(command, exitCode, diagnostics, stderrTail);
    }
    if (BackendUnavailableException.matches(diagnostics, stderrTail)) {
      return new BackendUnavailableException(command, exitCode, diagnostics, stderrTail);
    }
    return new TerraformException(command, exitCode, diagnostics, stderrTail);
  }

  private static boolean hasError(List<Diagnostic> diagnostics, String summary) {
    return diagnostics.stream().anyMatch(d -> d.isError() && summary.equals(d.summary()));
  }

  /** For commands without -json, where the diagnostic is only text: "Error: Error acquiring the state lock". */
  private static boolean mentions(List<String> stderrTail, String summary) {
    return stderrTail.stream().anyMatch(line -> line.strip().equals("Error: " + summary));
  }
}
