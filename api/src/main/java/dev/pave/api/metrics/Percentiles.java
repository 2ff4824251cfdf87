package dev.pave.api.metrics;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the p-th percentile is the smallest recorded value with at least p %
 * of the values at or below it. Always a lead time that happened, and easy to check by hand.
 * Found by selection (quickselect, linear time), not by sorting: a year holds 200,000 of them.
 */
final class Percentiles {

  private long[] values = new long[16];
  private int size;
  private long sum;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
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
    int rank = (int) Math.ceil(p * size - 1e-9); // 1-based; the epsilon keeps 0.9 * 10 at 9
    return select(Math.max(rank, 1) - 1);
  }

  /** The k-th smallest value (0-based); reorders the values, which is harmless here. */
  private long select(int k) {
    int lo = 0;
    int hi = size - 1;
    while (lo < hi) {
      long pivot = medianOfThree(values[lo], values[lo + (hi - lo) / 2], values[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return values[k]; // between j and i: equal to the pivot
      }
    }
    return values[k];
  }

  private static long medianOfThree(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
