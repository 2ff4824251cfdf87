package dev.pave.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Weeks start on Monday 00:00 UTC; a window touching three weeks has three entries. */
class WeeksTest {

  @Test
  void mondaysInUtc() {
    long sunday = Instant.parse("2026-11-08T23:59:59Z").toEpochMilli();
    long monday = Instant.parse("2026-11-09T00:00:00Z").toEpochMilli();
    assertThat(Instant.ofEpochMilli(Weeks.startOf(sunday))).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    assertThat(Instant.ofEpochMilli(Weeks.startOf(monday))).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
    assertThat(Instant.ofEpochMilli(Weeks.startOf(0))).isEqualTo(Instant.parse("1969-12-29T00:00:00Z"));
  }

  @Test
  void windowsCountTheWeeksTheyTouch() {
    Instant since = Instant.parse("2026-11-04T12:00:00Z");
    assertThat(Weeks.count(since, Instant.parse("2026-11-16T00:00:00Z"))).isEqualTo(2);
    assertThat(Weeks.count(since, Instant.parse("2026-11-16T00:00:01Z"))).isEqualTo(3);
    assertThat(Weeks.index(since, Instant.parse("2026-11-15T23:00:00Z").toEpochMilli())).isEqualTo(1);
    assertThat(Weeks.start(since, 1)).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
  }
}
