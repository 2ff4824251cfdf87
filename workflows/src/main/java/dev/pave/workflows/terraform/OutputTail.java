package dev.pave.workflows.terraform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of a stream, up to a character budget, so a chatty run cannot exhaust memory. */
final class OutputTail {

  private final int maxChars;
  private final Deque<String> lines = new ArrayDeque<>();
  private long chars;

  OutputTail(int maxChars) {
    this.maxChars = maxChars;
  }

  synchronized void add(String line) {
    String kept = line.length() > maxChars ? line.substring(line.length() - maxChars) : line;
    lines.addLast(kept);
    chars += kept.length();
    while (chars > maxChars) {
      chars -= lines.removeFirst().length();
    }
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
