package dev.pave.workflows.terraform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of a stream, up to a character budget, so a chatty run cannot exhaust memory.
 * Says whether anything was dropped, so a reader knows the start is missing.
 */
public final class OutputTail {

  private final int maxChars;
  private final Deque<String> lines = new ArrayDeque<>();
  private long chars;
  private boolean truncated;

  public OutputTail(int maxChars) {
    this.maxChars = maxChars;
  }

  public synchronized void add(String line) {
    String kept = line.length() > maxChars ? line.substring(line.length() - maxChars) : line;
    truncated |= kept.length() < line.length();
    lines.addLast(kept);
    chars += kept.length();
    while (chars > maxChars) {
      chars -= lines.removeFirst().length();
      truncated = true;
    }
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** True once a line, or the start of one, was dropped to stay within the budget. */
  public synchronized boolean truncated() {
    return truncated;
  }
}
