package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {

  @Test
  void readsTheFormsAPipelineWrites() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("600")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void refusesNonsenseAndZero() {
    for (String bad : new String[] {"", "soon", "0s", "10x", "-5", "PT0S", "1d"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(TypeConversionException.class);
    }
  }
}
