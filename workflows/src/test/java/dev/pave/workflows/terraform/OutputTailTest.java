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
    assertThat(tail.truncated()).isTrue();
  }

  @Test
  void saysNothingWasDroppedWhileEverythingFits() {
    OutputTail tail = new OutputTail(10);
    tail.add("aaaa");
    tail.add("bbbbbb");
    assertThat(tail.truncated()).isFalse();
  }

  @Test
  void cutsAnOverlongLineFromTheFront() {
    OutputTail tail = new OutputTail(3);
    tail.add("abcdef");
    assertThat(tail.lines()).containsExactly("def");
    assertThat(tail.truncated()).isTrue();
  }
}
