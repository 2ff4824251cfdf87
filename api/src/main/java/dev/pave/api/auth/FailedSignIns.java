package dev.pave.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Failed authentications per client address, in windows of one minute from the first failure.
 * Only failures count, and only after the credential was checked: a valid credential is served
 * whatever its address's count (it is never refused because others failed from there), and a
 * wrong one is answered 401 while its window has room, 429 with Retry-After past the limit. A
 * failure takes its place in the window atomically, so however many arrive at once, exactly the
 * limit of them are answered as plain failures. One instance serves every door that
 * authenticates (bearer tokens, OIDC tokens, the sign-in forms, the admin port's scrape token).
 */
public final class FailedSignIns {

  static final Duration WINDOW = Duration.ofMinutes(1);
  /** Bounds the memory an attacker with many addresses can make Pave hold. */
  private static final long MAX_ADDRESSES = 100_000;

  /** One address's window; {@code failures} stops at one past the limit (enough to say "over"). */
  private record Window(long startNanos, int failures) {}

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

  /**
   * Counts one failed authentication of the address: empty when its window had room for it
   * (answer the failure as such, 401), else the seconds until the window ends (answer 429).
   */
  public OptionalLong countFailure(String clientAddress) {
    long now = ticker.read();
    Window window = windows.asMap().compute(key(clientAddress), (address, current) -> {
      if (current == null || now - current.startNanos() >= WINDOW.toNanos()) {
        return new Window(now, 1);
      }
      return new Window(current.startNanos(), Math.min(current.failures() + 1, maxFailures + 1));
    });
    if (window.failures() <= maxFailures) {
      return OptionalLong.empty();
    }
    long left = WINDOW.toNanos() - (now - window.startNanos());
    return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L)));
  }

  /** {@link #countFailure}, for a door that answers with exceptions: throws the 429 past the limit. */
  public void countFailureOrRefuse(String clientAddress) {
    OptionalLong wait = countFailure(clientAddress);
    if (wait.isPresent()) {
      throw new TooManyFailedSignIns(wait.getAsLong());
    }
  }

  private static String key(String clientAddress) {
    return clientAddress == null ? "unknown" : clientAddress;
  }
}
