package dev.pave.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The window arithmetic of {@link FailedSignIns}, on a clock the test moves, and its counting under contention. */
class FailedSignInsTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final Ticker ticker = now::get;
  final FailedSignIns failures = new FailedSignIns(3, ticker);

  @Test
  void theLimitIsPerAddressAndEndsWithItsWindow() {
    for (int i = 0; i < 3; i++) {
      assertThat(failures.countFailure("10.0.0.1")).as("failure %d has room", i).isEmpty();
    }
    assertThat(failures.countFailure("10.0.0.1")).hasValue(60);
    assertThatThrownBy(() -> failures.countFailureOrRefuse("10.0.0.1")).isInstanceOf(TooManyFailedSignIns.class)
        .satisfies(e -> assertThat(((TooManyFailedSignIns) e).code()).isEqualTo(429));
    assertThat(failures.countFailure("10.0.0.2")).isEmpty();

    advance(Duration.ofSeconds(45));
    assertThat(failures.countFailure("10.0.0.1")).hasValue(15);

    advance(Duration.ofSeconds(16));
    assertThat(failures.countFailure("10.0.0.1")).as("a new window").isEmpty();
    failures.countFailureOrRefuse("10.0.0.1");
  }

  @Test
  void manyFailuresAtOnceAreAnsweredAsFailuresExactlyTheLimitTimes() throws Exception {
    FailedSignIns twenty = new FailedSignIns(20);
    ExecutorService pool = Executors.newFixedThreadPool(64);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<OptionalLong>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 640; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return twenty.countFailure("198.51.100.30");
        }));
      }
      start.countDown();
      int withRoom = 0;
      for (Future<OptionalLong> answer : answers) {
        withRoom += answer.get(30, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
      }
      assertThat(withRoom).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }
}
