package dev.pave.workflows.policy;

import dev.cel.runtime.CelEvaluationException;
import java.util.regex.Pattern;

/** Makes cel-java's runtime error messages short, and safe to record and show. */
final class CelMessages {
  // cel-java prefixes "evaluation error at <input>:<offset>: "; the offset means nothing to a reader.
  private static final Pattern POSITION_PREFIX = Pattern.compile("^evaluation error at <input>:\\d+: ");
  // Double-quoted text in a runtime error is a value from the input (for example
  // 'For input string: "s3cr3t"'); values may be sensitive, and results are shown and audited.
  private static final Pattern QUOTED_VALUE = Pattern.compile("\"[^\"]*\"");

  private CelMessages() {}

  static String of(CelEvaluationException e) {
    return redact(POSITION_PREFIX.matcher(String.valueOf(e.getMessage())).replaceFirst(""));
  }

  static String redact(String message) {
    return QUOTED_VALUE.matcher(message).replaceAll("\"(redacted)\"");
  }
}
