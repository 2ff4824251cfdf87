package dev.pave.workflows.terraform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Terraform command that failed, with its exit code and Terraform's own diagnostics.
 *
 * <p>The message is built only from Terraform's error diagnostics (which Terraform redacts) or,
 * for commands without {@code -json}, from the last lines of stderr; Pave never adds input values.
 */
public class TerraformException extends RuntimeException {

  /** Exit code used when the process was killed or never started. */
  public static final int NO_EXIT_CODE = -1;

  private static final int MAX_MESSAGE = 2_000;

  private final String command;
  private final int exitCode;
  private final List<Diagnostic> diagnostics;

  public TerraformException(String command, int exitCode, List<Diagnostic> diagnostics, List<String> stderrTail) {
    this(command, exitCode, diagnostics, failureMessage(command, exitCode, diagnostics, stderrTail), null);
  }

  protected TerraformException(
      String command, int exitCode, List<Diagnostic> diagnostics, String message, Throwable cause) {
    super(message, cause);
    this.command = command;
    this.exitCode = exitCode;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The subcommand: "init", "plan", "apply", ... */
  public String command() {
    return command;
  }

  public int exitCode() {
    return exitCode;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** "terraform plan failed (exit 1): summary: detail; summary: detail". */
  static String failureMessage(String command, int exitCode, List<Diagnostic> diagnostics, List<String> stderrTail) {
    String errors = diagnostics.stream()
        .filter(Diagnostic::isError)
        .map(d -> d.detail() == null || d.detail().isBlank() ? d.summary() : d.summary() + ": " + d.detail())
        .collect(Collectors.joining("; "));
    String reason = errors.isEmpty() ? StderrSummary.of(stderrTail) : errors;
    String message = "terraform " + command + " failed (exit " + exitCode + ")"
        + (reason.isEmpty() ? "" : ": " + reason.replaceAll("\\s+", " ").trim());
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
