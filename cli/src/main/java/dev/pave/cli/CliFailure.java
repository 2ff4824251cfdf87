package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ends a command with one of the {@link ExitCode}s and a message for a human (standard error).
 * {@code error} is Pave's error document when Pave sent one, so `--json` can hand it on unchanged.
 */
public final class CliFailure extends RuntimeException {

  private final int exitCode;
  private final transient JsonNode error;

  public CliFailure(int exitCode, String message) {
    this(exitCode, message, null);
  }

  public CliFailure(int exitCode, String message, JsonNode error) {
    super(message, null, false, false);
    this.exitCode = exitCode;
    this.error = error;
  }

  public int exitCode() {
    return exitCode;
  }

  public JsonNode error() {
    return error;
  }
}
