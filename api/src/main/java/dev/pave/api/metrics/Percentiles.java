package dev.pave.api.metrics;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the p-th percentile is the smallest recorded value with at least p %
 * of the values at or below it. Always a lead time that happened, and easy to check by hand.
 */
final class Percentiles {

  private long[] values = new long[16];
  private int size;
  private long sum;
  private boolean sorted = true;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    sorted = sorted && (size == 0 || values[size - 1] <= value);
    values[size++] = value;
    sum += value;
  }

  long count() {
    return size;
  }

  Long mean() {
    return size == 0 ? null : Math.round(sum / (double) size);
  }

  /** p in (0, 1]; null when nothing was recorded. */
  Long at(double p) {
    if (size == 0) {
      return null;
    }
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    int rank = (int) Math.ceil(p * size - 1e-9); // 1-based; the epsilon keeps 0.9 * 10 at 9
    return values[Math.max(rank, 1) - 1];
  }
}
