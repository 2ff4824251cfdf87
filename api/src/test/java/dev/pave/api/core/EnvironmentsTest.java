package dev.pave.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The environments list has one home; a file written for the older metrics.environments keeps working. */
class EnvironmentsTest {

  @Test
  void withNothingConfiguredTheListIsDevStagingProd() {
    assertThat(Environments.of(null, null).names()).containsExactly("dev", "staging", "prod");
    assertThat(Environments.of(null, null).listed()).isEqualTo("dev, staging, prod");
  }

  @Test
  void aFileThatSetsOnlyMetricsEnvironmentsKeepsItsList() {
    assertThat(Environments.of(null, List.of("dev", "prod", "sandbox")).names()).containsExactly("dev", "prod", "sandbox");
  }

  @Test
  void theTopLevelListWinsAndBothMayAgree() {
    assertThat(Environments.of(List.of("dev", "prod"), null).names()).containsExactly("dev", "prod");
    assertThat(Environments.of(List.of("dev", "prod"), List.of("dev", "prod")).names()).containsExactly("dev", "prod");
  }

  @Test
  void twoDifferentListsEmptyListsDuplicatesAndBadNamesAreRefusedAtStart() {
    assertThatThrownBy(() -> Environments.of(List.of("dev", "prod"), List.of("dev"))).hasMessageContaining("differ");
    assertThatThrownBy(() -> Environments.of(List.of(), null)).hasMessageContaining("at least one");
    assertThatThrownBy(() -> Environments.of(List.of("dev", "dev"), null)).hasMessageContaining("twice");
    assertThatThrownBy(() -> Environments.of(List.of("Prod"), null)).hasMessageContaining("'Prod'");
  }
}
