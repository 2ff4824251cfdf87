package dev.pave.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nearest-rank by selection must agree with sorting, duplicates and all. */
class PercentilesTest {

  @Test
  void nearestRankOnSmallSets() {
    Percentiles p = of(75000, 5000, 11000);
    assertThat(p.at(0.5)).isEqualTo(11000);
    assertThat(p.at(0.9)).isEqualTo(75000);
    assertThat(p.at(0.99)).isEqualTo(75000);
    assertThat(p.mean()).isEqualTo(30333);
    Percentiles ten = of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    assertThat(ten.at(0.5)).isEqualTo(5);  // rank 5 of 10
    assertThat(ten.at(0.9)).isEqualTo(9);  // rank 9, not 10: 0.9 * 10 is exactly 9
    assertThat(new Percentiles().at(0.5)).isNull();
    assertThat(new Percentiles().mean()).isNull();
  }

  @Test
  void selectionAgreesWithSorting() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      int size = 1 + random.nextInt(round < 100 ? 50 : 5000);
      long[] values = new long[size];
      Percentiles p = new Percentiles();
      for (int i = 0; i < size; i++) {
        values[i] = random.nextInt(round % 2 == 0 ? 5 : 1_000_000); // many duplicates on even rounds
        p.add(values[i]);
      }
      Arrays.sort(values);
      for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 1.0}) {
        assertThat(p.at(q)).as("p%s of %d values", q, size)
            .isEqualTo(values[Math.max((int) Math.ceil(q * size - 1e-9), 1) - 1]);
      }
    }
  }

  private static Percentiles of(long... values) {
    Percentiles p = new Percentiles();
    for (long v : values) {
      p.add(v);
    }
    return p;
  }
}
