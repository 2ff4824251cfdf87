package dev.pave.api.dashboard;

import java.util.ArrayList;
import java.util.List;

/** A linear axis from 0 to a round maximum, with four to six round ticks. */
record Scale(double max, List<Double> ticks) {

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
    return new Scale(max, ticks);
  }

  /** The position of a value between 0 (bottom or left) and 1. */
  double fraction(double value) {
    return Math.max(0, Math.min(1, value / max));
  }
}
