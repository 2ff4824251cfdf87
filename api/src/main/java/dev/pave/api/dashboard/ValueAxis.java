package dev.pave.api.dashboard;

import java.util.List;
import java.util.Locale;

/** How a chart's values (milliseconds, rates, counts) map to a labelled axis with a unit. */
record ValueAxis(String unit, double divisor, Scale scale) {

  /** Lead-time ticks a person reads at a glance, with their labels. */
  private static final List<Double> DURATION_TICKS = List.of(100.0, 1_000.0, 10_000.0, 60_000.0, 600_000.0,
      3_600_000.0, 28_800_000.0, 86_400_000.0, 604_800_000.0);
  private static final List<String> DURATION_LABELS = List.of("0.1 s", "1 s", "10 s", "1 min", "10 min", "1 h",
      "8 h", "1 d", "1 week");

  static ValueAxis durations(double maxMs) {
    Units.TimeUnit unit = Units.unitFor(maxMs);
    return new ValueAxis(unit.label(), unit.ms(), Scale.upTo(maxMs / unit.ms()));
  }

  /** Milliseconds on a log axis, each tick in its own unit. */
  static ValueAxis durationsLog(double minMs, double maxMs) {
    return new ValueAxis("ms", 1, Scale.logBetween(Math.max(minMs, 100), Math.max(maxMs, 1_000), DURATION_TICKS));
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
    if (scale.log()) {
      return DURATION_LABELS.get(DURATION_TICKS.indexOf(tick));
    }
    String number = tick == Math.rint(tick) ? String.format(Locale.ROOT, "%.0f", tick)
        : String.format(Locale.ROOT, "%.1f", tick);
    return unit.isEmpty() ? number : number + " " + unit;
  }

  /** A raw value as text, in this axis's unit. */
  String format(double raw) {
    if (scale.log()) {
      return Units.duration(Math.round(raw));
    }
    double value = raw / divisor;
    String number = value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
    return unit.isEmpty() ? number : number + " " + unit;
  }
}
