package dev.pave.workflows.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file that cannot be used. Loading stops: Pave never runs with a policy missing
 * (that would fail open). The message reads {@code file:line: problem}.
 */
public final class PolicyLoadException extends RuntimeException {
  private final Path file;
  private final int line;

  /** @param line 1-based, or 0 when the problem is not on one line (a missing field, a folder) */
  public PolicyLoadException(Path file, int line, String problem) {
    this(file, line, file + (line > 0 ? ":" + line : "") + ": " + problem, null);
  }

  private PolicyLoadException(Path file, int line, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = line;
  }

  /** One exception for several problems, so an author fixes them all in one go. */
  static PolicyLoadException combine(List<PolicyLoadException> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    PolicyLoadException first = problems.get(0);
    String all = problems.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"));
    PolicyLoadException combined = new PolicyLoadException(
        first.file, first.line, problems.size() + " policy files have problems:\n" + all, null);
    problems.forEach(combined::addSuppressed);
    return combined;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }
}
