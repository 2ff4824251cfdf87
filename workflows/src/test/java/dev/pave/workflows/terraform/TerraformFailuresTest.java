package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which exception a failed run becomes, and what its message says. */
class TerraformFailuresTest {

  private static Diagnostic error(String summary, String detail) {
    return new Diagnostic("error", summary, detail, null, null, null);
  }

  @Test
  void messageIsBuiltFromErrorDiagnosticsOnly() {
    TerraformException e = TerraformFailures.of("plan", 1, List.of(
        new Diagnostic("warning", "Deprecated", "ignore me", null, null, null),
        error("Invalid value for variable", "name must be lowercase.\n\nChecked at main.tf:3."),
        error("execution halted", "")), List.of("stderr noise"));

    assertThat(e).isExactlyInstanceOf(TerraformException.class);
    assertThat(e.getMessage()).isEqualTo("terraform plan failed (exit 1): Invalid value for variable: "
        + "name must be lowercase. Checked at main.tf:3.; execution halted");
    assertThat(e.command()).isEqualTo("plan");
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.diagnostics()).hasSize(3);
    assertThat(e.errors()).hasSize(2);
  }

  @Test
  void withoutDiagnosticsTheFirstErrorOfStderrIsTheMessage() {
    TerraformException e = TerraformFailures.of("init", 1, List.of(), List.of(
        "Initializing the backend...", "", "Error: Failed to get existing workspaces: connection refused", "",
        "  on _pave_backend.tf line 2:"));
    assertThat(e.getMessage()).isEqualTo("terraform init failed (exit 1): Error: Failed to get existing workspaces: "
        + "connection refused on _pave_backend.tf line 2:");
  }

  @Test
  void withoutAnyErrorTextTheLastLinesAreTheMessage() {
    TerraformException e = TerraformFailures.of("output", 2, List.of(), List.of("a", "b", "c", "d", "e"));
    assertThat(e.getMessage()).isEqualTo("terraform output failed (exit 2): b c d e");
  }

  @Test
  void stateLockFromJsonOrFromText() {
    assertThat(TerraformFailures.of("plan", 1, List.of(error("Error acquiring the state lock", "Lock Info: ...")), List.of()))
        .isInstanceOf(StateLockedException.class);
    assertThat(TerraformFailures.of("init", 1, List.of(), List.of("Error: Error acquiring the state lock", "")))
        .isInstanceOf(StateLockedException.class);
  }

  @Test
  void stalePlan() {
    TerraformException e = TerraformFailures.of("apply", 1,
        List.of(error("Saved plan is stale", "The given plan file can no longer be applied.")), List.of());
    assertThat(e).isInstanceOf(StalePlanException.class)
        .hasMessage("terraform apply failed (exit 1): Saved plan is stale: The given plan file can no longer be applied.");
  }

  @Test
  void longMessagesAreCut() {
    TerraformException e = TerraformFailures.of("plan", 1, List.of(error("x", "y".repeat(10_000))), List.of());
    assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(2_000).endsWith("...");
  }
}
