package dev.pave.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

  @Test
  void ordersByPrecedenceAsSemverOrgDefinesIt() {
    List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0", "2.0.0");
    List<String> shuffled = Stream.of(ordered.get(7), ordered.get(10), ordered.get(0), ordered.get(9),
        ordered.get(5), ordered.get(4), ordered.get(8), ordered.get(1), ordered.get(3), ordered.get(6),
        ordered.get(2)).toList();
    assertThat(shuffled.stream().map(SemVer::parse).sorted().map(SemVer::toString)).containsExactlyElementsOf(ordered);
  }

  @Test
  void buildMetadataDoesNotCount() {
    assertThat(SemVer.parse("1.0.0+build.7").compareTo(SemVer.parse("1.0.0"))).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "latest", " 1.0.0"})
  void refusesWhatIsNotASemanticVersion(String text) {
    assertThatThrownBy(() -> SemVer.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
