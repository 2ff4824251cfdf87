package dev.pave.api.metrics;

import java.time.Instant;

/** ISO weeks in UTC: Monday 00:00 to the next Monday, the unit of every trend. */
final class Weeks {

  static final long DAY_MS = 86_400_000L;
  static final long WEEK_MS = 7 * DAY_MS;
  /** 1970-01-01 was a Thursday: Monday 1969-12-29 starts week 0. */
  private static final long FIRST_MONDAY_MS = -3 * DAY_MS;

  private Weeks() {}

  static long startOf(long epochMillis) {
    return Math.floorDiv(epochMillis - FIRST_MONDAY_MS, WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS;
  }

  /** How many weeks the window [since, until) touches. */
  static int count(Instant since, Instant until) {
    return (int) ((startOf(until.toEpochMilli() - 1) - startOf(since.toEpochMilli())) / WEEK_MS) + 1;
  }

  /** The position of a time's week in the window's series. */
  static int index(Instant since, long epochMillis) {
    return (int) ((startOf(epochMillis) - startOf(since.toEpochMilli())) / WEEK_MS);
  }

  static Instant start(Instant since, int index) {
    return Instant.ofEpochMilli(startOf(since.toEpochMilli()) + index * WEEK_MS);
  }
}
