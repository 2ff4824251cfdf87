package dev.pave.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts the charts stand on: escaping, units, round axes. */
class ChartPiecesTest {

  @Test
  void escapingCoversTextAndAttributes() {
    assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void durationsReadInTheirNaturalUnit() {
    assertThat(Units.duration(850L)).isEqualTo("850 ms");
    assertThat(Units.duration(12_400L)).isEqualTo("12.4 s");
    assertThat(Units.duration(210_000L)).isEqualTo("3.5 min");
    assertThat(Units.duration(7_560_000L)).isEqualTo("2.1 h");
    assertThat(Units.duration(null)).isEqualTo("–");
    assertThat(Units.percent(0.2857)).isEqualTo("28.6 %");
  }

  @Test
  void axesEndOnRoundNumbers() {
    Scale scale = Scale.upTo(43.2);
    assertThat(scale.max()).isEqualTo(50);
    assertThat(scale.ticks()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
    assertThat(scale.fraction(25)).isEqualTo(0.5);
    ValueAxis minutes = ValueAxis.durations(400_000);
    assertThat(minutes.unit()).isEqualTo("min");
    assertThat(minutes.tick(2)).isEqualTo("2 min");
  }

  @Test
  void logAxesBracketTheValuesWithReadableTicks() {
    ValueAxis lead = ValueAxis.durationsLog(40_000, 2_000_000);
    assertThat(lead.scale().ticks()).containsExactly(10_000.0, 60_000.0, 600_000.0, 3_600_000.0);
    assertThat(lead.scale().ticks().stream().map(lead::tick).toList())
        .isEqualTo(List.of("10 s", "1 min", "10 min", "1 h"));
    assertThat(lead.fraction(10_000)).isZero();
    assertThat(lead.fraction(3_600_000)).isEqualTo(1.0);
  }
}
