package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argument lists, built without a binary: what Terraform is asked to do, flag by flag. */
class TerraformCommandArgsTest {

  @Test
  void versionAsksForJson() {
    assertThat(VersionCommand.args()).containsExactly("version", "-json");
  }

  @Test
  void statePushWaitsForTheLockAndNamesTheFile() {
    assertThat(StatePushCommand.args(Path.of("errored.tfstate"), Duration.ofSeconds(30)))
        .containsExactly("state", "push", "-no-color", "-lock-timeout=30s", "errored.tfstate");
  }

  @Test
  void initIsUnattendedReconfiguresAndPassesBackendConfigInKeyOrder() {
    Map<String, String> backend = new LinkedHashMap<>();
    backend.put("schema_name", "ws_orders");
    backend.put("conn_str", "postgres://x");
    assertThat(InitCommand.args(new InitOptions(backend, Duration.ofSeconds(30)))).containsExactly(
        "init", "-input=false", "-no-color", "-reconfigure", "-lock-timeout=30s",
        "-backend-config=conn_str=postgres://x", "-backend-config=schema_name=ws_orders");
  }

  @Test
  void initWithoutOptionsLeavesLockTimeoutToTerraform() {
    assertThat(InitCommand.args(InitOptions.defaults()))
        .containsExactly("init", "-input=false", "-no-color", "-reconfigure");
  }

  @Test
  void backendConfigKeysCannotSmuggleFlags() {
    assertThatThrownBy(() -> new InitOptions(Map.of("a=b -lock", "x"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void planSavesToFileWithDetailedExitCodeAndJson() {
    PlanOptions options = new PlanOptions(Path.of("inputs.tfvars.json"), Path.of("tfplan"), false, Duration.ZERO);
    assertThat(PlanCommand.args(options)).containsExactly(
        "plan", "-input=false", "-no-color", "-json", "-detailed-exitcode", "-lock-timeout=0s",
        "-var-file=inputs.tfvars.json", "-out=tfplan");
  }

  @Test
  void destroyPlanWithoutVarFile() {
    PlanOptions options = new PlanOptions(null, Path.of("/w/destroy.tfplan"), true, Duration.ofMillis(1500));
    assertThat(PlanCommand.args(options)).containsExactly(
        "plan", "-input=false", "-no-color", "-json", "-detailed-exitcode", "-lock-timeout=1500ms",
        "-destroy", "-out=/w/destroy.tfplan");
  }

  @Test
  void applyTakesOnlyTheSavedPlan() {
    assertThat(ApplyCommand.args(Path.of("tfplan"), Duration.ofMinutes(2))).containsExactly(
        "apply", "-json", "-input=false", "-no-color", "-lock-timeout=120s", "tfplan");
    assertThat(ApplyCommand.args(Path.of("tfplan"), null)).doesNotContain("-auto-approve");
  }

  @Test
  void showAndOutputAskForJson() {
    assertThat(ShowCommand.args(Path.of("tfplan"))).containsExactly("show", "-json", "-no-color", "tfplan");
    assertThat(OutputCommand.args()).containsExactly("output", "-json", "-no-color");
  }

  @Test
  void aPlanFileNamedLikeAFlagStaysAPath() {
    assertThat(ShowCommand.args(Path.of("-destroy"))).endsWith("./-destroy");
  }

  @Test
  void negativeLockTimeoutIsRejected() {
    assertThatThrownBy(() -> new PlanOptions(null, Path.of("p"), false, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
