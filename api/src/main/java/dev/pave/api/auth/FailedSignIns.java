package dev.pave.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed authentications per source address, in windows of one minute from the first failure:
 * past the limit, that address is refused (429) until its window ends, whatever it sends, so a
 * guess that happens to be right is not told apart from a wrong one. Only failures count: a
 * client that authenticates never uses up anything. One instance serves the bearer filter and
 * the browser sign-in, so both count against the same budget.
 */
public final class FailedSignIns {

  static final Duration WINDOW = Duration.ofMinutes(1);
  /** Bounds the memory an attacker with many addresses can make Pave hold. */
  private static final long MAX_ADDRESSES = 100_000;

  private record Window(long startNanos, AtomicInteger failures) {}

  private final int maxFailures;
  private final Ticker ticker;
  private final Cache<String, Window> windows;

  public FailedSignIns(int maxFailuresPerMinute) {
    this(maxFailuresPerMinute, Ticker.systemTicker());
  }

  FailedSignIns(int maxFailuresPerMinute, Ticker ticker) {
    if (maxFailuresPerMinute < 1) {
      throw new IllegalArgumentException("failedAuthPerMinute must be at least 1");
    }
    this.maxFailures = maxFailuresPerMinute;
    this.ticker = ticker;
    this.windows = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(WINDOW).maximumSize(MAX_ADDRESSES).build();
  }

  /** Throws {@link TooManyFailedSignIns} (429 with Retry-After) while the address is over its limit. */
  public void check(String remoteAddr) {
    OptionalLong wait = retryAfterSeconds(remoteAddr);
    if (wait.isPresent()) {
      throw new TooManyFailedSignIns(wait.getAsLong());
    }
  }

  /** Seconds until the address may try again, or empty when it may try now. */
  public OptionalLong retryAfterSeconds(String remoteAddr) {
    Window window = windows.getIfPresent(key(remoteAddr));
    if (window == null || window.failures().get() < maxFailures) {
      return OptionalLong.empty();
    }
    long left = WINDOW.toNanos() - (ticker.read() - window.startNanos());
    return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L)));
  }

  public void recordFailure(String remoteAddr) {
    windows.get(key(remoteAddr), k -> new Window(ticker.read(), new AtomicInteger())).failures().incrementAndGet();
  }

  private static String key(String remoteAddr) {
    return remoteAddr == null ? "unknown" : remoteAddr;
  }
}
