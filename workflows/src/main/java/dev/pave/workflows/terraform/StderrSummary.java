package dev.pave.workflows.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-line reason from Terraform's human-readable stderr, used only when there are no -json
 * diagnostics (init, or a failure before the stream starts). Takes the first "Error:" block, where
 * the cause usually is, else the last few lines.
 */
final class StderrSummary {

  private static final int MAX_LINES = 8;

  private StderrSummary() {}

  static String of(List<String> stderr) {
    List<String> lines = new ArrayList<>();
    for (String line : stderr) {
      String text = line.replaceAll("[│╷╵]", "").strip(); // box characters, in case colour was on
      if (!text.isEmpty()) {
        lines.add(text);
      }
    }
    int firstError = -1;
    for (int i = 0; i < lines.size() && firstError < 0; i++) {
      if (lines.get(i).startsWith("Error: ")) {
        firstError = i;
      }
    }
    List<String> picked = firstError >= 0
        ? lines.subList(firstError, Math.min(lines.size(), firstError + MAX_LINES))
        : lines.subList(Math.max(0, lines.size() - MAX_LINES / 2), lines.size());
    return String.join(" ", picked);
  }
}
