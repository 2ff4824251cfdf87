package dev.pave.cli;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retry number n (0-based) after a transient error: exponential from
 * {@code base}, capped at {@code cap}, with "equal jitter" (half fixed, half random) so a fleet of
 * CI jobs hit by the same outage does not come back in lockstep, yet every wait stays within
 * [d/2, d]. Defaults: 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s; with the default 6 retries the waits
 * add up to at most 25.5 s (docs/cli.md).
 */
public record Backoff(Duration base, Duration cap, int retries, DoubleSupplier random) {

  public static final Duration DEFAULT_BASE = Duration.ofMillis(500);
  public static final Duration DEFAULT_CAP = Duration.ofSeconds(10);
  public static final int DEFAULT_RETRIES = 6;

  public static Backoff standard(int retries) {
    return new Backoff(DEFAULT_BASE, DEFAULT_CAP, retries, Math::random);
  }

  /** The wait before retry {@code attempt} (0 = the first retry). */
  public Duration delay(int attempt) {
    long ceiling = ceiling(attempt);
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
  }

  /** The un-jittered upper bound of that wait. */
  public long ceiling(int attempt) {
    long grown = base.toMillis() << Math.min(attempt, 30);
    return Math.min(cap.toMillis(), grown <= 0 ? cap.toMillis() : grown);
  }
}
