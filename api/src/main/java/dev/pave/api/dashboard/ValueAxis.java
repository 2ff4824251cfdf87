package dev.pave.api.dashboard;

import java.util.Locale;

/** How a chart's values (milliseconds, rates, counts) map to a labelled axis with a unit. */
record ValueAxis(String unit, double divisor, Scale scale) {

  static ValueAxis durations(double maxMs) {
    Units.TimeUnit unit = Units.unitFor(maxMs);
    return new ValueAxis(unit.label(), unit.ms(), Scale.upTo(maxMs / unit.ms()));
  }

  static ValueAxis percent() {
    return new ValueAxis("%", 0.01, Scale.upTo(100));
  }

  static ValueAxis counts(double max) {
    return new ValueAxis("", 1, Scale.upTo(Math.max(max, 5)));
  }

  /** Where a raw value sits on the axis, 0 to 1. */
  double fraction(double raw) {
    return scale.fraction(raw / divisor);
  }

  String tick(double tick) {
    String number = tick == Math.rint(tick) ? String.format(Locale.ROOT, "%.0f", tick)
        : String.format(Locale.ROOT, "%.1f", tick);
    return unit.isEmpty() ? number : number + " " + unit;
  }

  /** A raw value as text, in this axis's unit. */
  String format(double raw) {
    double value = raw / divisor;
    String number = value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
    return unit.isEmpty() ? number : number + " " + unit;
  }
}
