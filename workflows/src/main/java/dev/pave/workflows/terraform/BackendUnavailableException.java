package dev.pave.workflows.terraform;

import java.util.List;

/**
 * Terraform could not reach its state backend (the database is down, restarting or unreachable).
 * Nothing was changed; the same command can be retried once the backend is back.
 */
public class BackendUnavailableException extends TerraformException {

  /** How Go's database/sql, lib/pq and net report a server that is not there (not psql's wording). */
  static final List<String> SYMPTOMS = List.of("dial tcp", "connect: connection refused", "the database system is",
      "i/o timeout", "connection reset by peer", "driver: bad connection");

  public BackendUnavailableException(String command, int exitCode, List<Diagnostic> diagnostics,
      List<String> stderrTail) {
    super(command, exitCode, diagnostics, stderrTail);
  }

  static boolean matches(List<Diagnostic> diagnostics, List<String> stderrTail) {
    return diagnostics.stream().filter(Diagnostic::isError)
            .anyMatch(d -> mentions(d.summary()) || mentions(d.detail()))
        || stderrTail.stream().anyMatch(line -> line.startsWith("Error: ") && mentions(line));
  }

  private static boolean mentions(String text) {
    return text != null && SYMPTOMS.stream().anyMatch(text::contains);
  }
}
