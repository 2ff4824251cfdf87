package dev.pave.workflows.terraform;

import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the whole stdout of a document-producing command (show, output, version), up to a limit:
 * a truncated JSON document is worse than a clear failure.
 */
final class StdoutCapture implements Consumer<String> {

  private final String command;
  private final int maxChars;
  private final StringBuilder text = new StringBuilder();

  StdoutCapture(String command, int maxChars) {
    this.command = command;
    this.maxChars = maxChars;
  }

  @Override
  public synchronized void accept(String line) {
    if (text.length() + line.length() + 1 > maxChars) {
      throw new TerraformException(command, TerraformException.NO_EXIT_CODE, List.of(),
          "terraform " + command + " printed more than " + maxChars + " characters", null);
    }
    text.append(line).append('\n');
  }

  synchronized String text() {
    return text.toString();
  }
}
