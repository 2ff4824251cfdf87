package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.terraform.OutputTail;

/**
 * One step's Terraform output as a request's logs keep it: the lines a person would have read in
 * a terminal, every known secret masked as each line arrives and again when the step ends (a
 * sensitive output is known only then), the last {@link #MAX_CHARS} characters when it ran long.
 */
final class StepLog {

  /** 256 K characters per step: a plan of thousands of resources, and memory bounded for a runaway one. */
  static final int MAX_CHARS = 256 * 1024;

  private final SecretMask mask;
  private final int maxChars;
  private final OutputTail tail;

  StepLog(SecretMask mask) {
    this(mask, MAX_CHARS);
  }

  StepLog(SecretMask mask, int maxChars) {
    this.mask = mask;
    this.maxChars = maxChars;
    this.tail = new OutputTail(maxChars);
  }

  /** Lines of plain output (init prints no JSON); never throws, it runs on Terraform's reader thread. */
  void text(String text) {
    if (text != null) {
      // PostgreSQL's text refuses NUL, and a stray one must not lose the whole step's log.
      for (String line : text.replace("\u0000", "").split("\n", -1)) {
        tail.add(mask.apply(line));
      }
    }
  }

  /**
   * One event of a {@code -json} stream, as Terraform would have printed it: its message, and a
   * diagnostic's detail (its snippet is already gone, see JsonEventStream).
   */
  void event(JsonNode event) {
    StringBuilder line = new StringBuilder(event.path("@message").asText(""));
    String detail = event.path("diagnostic").path("detail").asText("");
    if (!detail.isBlank()) {
      line.append('\n').append(detail);
    }
    text(line.toString());
  }

  SecretMask mask() {
    return mask;
  }

  /** The output so far, masked with every secret known now, and whether its start was dropped. */
  Kept kept() {
    String output = mask.apply(String.join("\n", tail.lines()));
    boolean truncated = tail.truncated();
    if (output.length() > maxChars) {
      // The line breaks, or a secret learned late (a sensitive output) masked longer than it was,
      // took it over the bound: cut again, at a line.
      String tailText = output.substring(output.length() - maxChars);
      int lineStart = tailText.indexOf('\n');
      output = lineStart < 0 ? tailText : tailText.substring(lineStart + 1);
      truncated = true;
    }
    return new Kept(output, truncated);
  }

  /** What the logs keep of one run of a step. */
  record Kept(String output, boolean truncated) {}
}
