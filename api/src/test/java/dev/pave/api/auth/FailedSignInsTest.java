package dev.pave.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The window arithmetic of {@link FailedSignIns}, on a clock the test moves. */
class FailedSignInsTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final Ticker ticker = now::get;
  final FailedSignIns failures = new FailedSignIns(3, ticker);

  @Test
  void theLimitIsPerAddressAndEndsWithItsWindow() {
    for (int i = 0; i < 3; i++) {
      failures.check("10.0.0.1");
      failures.recordFailure("10.0.0.1");
    }
    assertThat(failures.retryAfterSeconds("10.0.0.1")).hasValue(60);
    assertThatThrownBy(() -> failures.check("10.0.0.1")).isInstanceOf(TooManyFailedSignIns.class)
        .satisfies(e -> assertThat(((TooManyFailedSignIns) e).code()).isEqualTo(429));
    assertThat(failures.retryAfterSeconds("10.0.0.2")).isEmpty();

    advance(Duration.ofSeconds(45));
    assertThat(failures.retryAfterSeconds("10.0.0.1")).hasValue(15);

    advance(Duration.ofSeconds(16));
    assertThat(failures.retryAfterSeconds("10.0.0.1")).isEmpty();
    failures.check("10.0.0.1");
  }

  @Test
  void belowTheLimitNothingIsRefused() {
    failures.recordFailure("10.0.0.3");
    failures.recordFailure("10.0.0.3");
    assertThat(failures.retryAfterSeconds("10.0.0.3")).isEmpty();
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }
}
