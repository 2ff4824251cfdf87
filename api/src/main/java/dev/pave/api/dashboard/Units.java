package dev.pave.api.dashboard;

import java.util.Locale;

/** Durations and rates as people read them: "850 ms", "12.4 s", "3.5 min", "2.1 h", "87 %". */
final class Units {

  /** A duration unit and its length in milliseconds. */
  record TimeUnit(String label, double ms) {}

  static final TimeUnit MS = new TimeUnit("ms", 1);
  static final TimeUnit SECONDS = new TimeUnit("s", 1_000);
  static final TimeUnit MINUTES = new TimeUnit("min", 60_000);
  static final TimeUnit HOURS = new TimeUnit("h", 3_600_000);
  static final TimeUnit DAYS = new TimeUnit("d", 86_400_000);

  private Units() {}

  /** The unit in which a value (or an axis up to it) reads best. */
  static TimeUnit unitFor(double ms) {
    if (ms < 1_000) {
      return MS;
    }
    if (ms < 120_000) {
      return SECONDS;
    }
    if (ms < 7_200_000) {
      return MINUTES;
    }
    return ms < 172_800_000 ? HOURS : DAYS;
  }

  static String duration(Long ms) {
    if (ms == null) {
      return "–";
    }
    TimeUnit unit = unitFor(ms);
    double value = ms / unit.ms();
    String number = unit == MS || value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + unit.label();
  }

  static String percent(Double rate) {
    return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }
}
