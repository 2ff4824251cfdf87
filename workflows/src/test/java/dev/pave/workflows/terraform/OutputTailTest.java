package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTailTest {

  @Test
  void keepsTheLastLinesWithinBudget() {
    OutputTail tail = new OutputTail(10);
    for (String line : new String[] {"aaaa", "bbbb", "cccc", "dd"}) {
      tail.add(line);
    }
    assertThat(tail.lines()).containsExactly("bbbb", "cccc", "dd");
  }

  @Test
  void cutsAnOverlongLineFromTheFront() {
    OutputTail tail = new OutputTail(3);
    tail.add("abcdef");
    assertThat(tail.lines()).containsExactly("def");
  }
}
