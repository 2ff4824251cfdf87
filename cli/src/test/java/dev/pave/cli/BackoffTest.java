package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void waitsDoubleFromHalfASecondUpToTenSeconds() {
    Backoff backoff = Backoff.standard(6);
    assertThat(backoff.ceiling(0)).isEqualTo(500);
    assertThat(backoff.ceiling(1)).isEqualTo(1000);
    assertThat(backoff.ceiling(2)).isEqualTo(2000);
    assertThat(backoff.ceiling(3)).isEqualTo(4000);
    assertThat(backoff.ceiling(4)).isEqualTo(8000);
    assertThat(backoff.ceiling(5)).isEqualTo(10_000);
    assertThat(backoff.ceiling(40)).isEqualTo(10_000); // no overflow on absurd attempt numbers
  }

  @Test
  void jitterKeepsEveryWaitBetweenHalfItsCeilingAndTheCeiling() {
    assertThat(new Backoff(Backoff.DEFAULT_BASE, Backoff.DEFAULT_CAP, 6, () -> 0.0).delay(3))
        .isEqualTo(Duration.ofMillis(2000));
    assertThat(new Backoff(Backoff.DEFAULT_BASE, Backoff.DEFAULT_CAP, 6, () -> 0.999).delay(3).toMillis())
        .isBetween(3990L, 4000L);
    Backoff random = Backoff.standard(6);
    for (int i = 0; i < 200; i++) {
      assertThat(random.delay(2).toMillis()).isBetween(1000L, 2000L);
    }
  }

  @Test
  void theDefaultRetriesWaitAtMostTwentyFiveAndAHalfSecondsInAll() {
    Backoff backoff = Backoff.standard(Backoff.DEFAULT_RETRIES);
    long total = 0;
    for (int attempt = 0; attempt < backoff.retries(); attempt++) {
      total += backoff.ceiling(attempt);
    }
    assertThat(total).isEqualTo(25_500);
  }
}
