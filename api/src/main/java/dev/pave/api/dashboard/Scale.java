package dev.pave.api.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis from a bottom to a top value with its ticks: linear from 0 to a round maximum, or
 * logarithmic between two ticks (for lead times, where p90 can be a hundred times p50).
 */
record Scale(double min, double max, List<Double> ticks, boolean log) {

  static Scale upTo(double value) {
    double top = value <= 0 ? 1 : value;
    double rough = top / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double step = magnitude;
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      step = factor * magnitude;
      if (step >= rough) {
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    double max = Math.ceil(top / step) * step;
    for (double tick = 0; tick <= max + step / 2; tick += step) {
      ticks.add(tick);
    }
    return new Scale(0, max, ticks, false);
  }

  /** The candidate ticks that bracket [low, high], on a log axis. */
  static Scale logBetween(double low, double high, List<Double> candidates) {
    int first = 0;
    while (first < candidates.size() - 1 && candidates.get(first + 1) <= low) {
      first++;
    }
    int last = candidates.size() - 1;
    while (last > first + 1 && candidates.get(last - 1) >= high) {
      last--;
    }
    List<Double> ticks = candidates.subList(first, last + 1);
    return new Scale(ticks.get(0), ticks.get(ticks.size() - 1), List.copyOf(ticks), true);
  }

  /** The position of a value between 0 (bottom or left) and 1. */
  double fraction(double value) {
    double f = log ? (Math.log(Math.max(value, min)) - Math.log(min)) / (Math.log(max) - Math.log(min))
        : (value - min) / (max - min);
    return Math.max(0, Math.min(1, f));
  }
}
