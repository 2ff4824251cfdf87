package dev.pave.api.resilience;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Response times of one kind of call, for percentiles. */
final class Latencies {

  private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());

  void add(long elapsedMillis) {
    millis.add(elapsedMillis);
  }

  int count() {
    return millis.size();
  }

  long percentile(double p) {
    List<Long> sorted;
    synchronized (millis) {
      sorted = new ArrayList<>(millis);
    }
    if (sorted.isEmpty()) {
      return 0;
    }
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  @Override
  public String toString() {
    return "n=" + count() + " p50=" + percentile(50) + "ms p99=" + percentile(99) + "ms max=" + percentile(100) + "ms";
  }
}
