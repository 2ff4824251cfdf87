package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TerraformEnvironmentTest {

  private static final TerraformSettings SETTINGS =
      new TerraformSettings(Path.of("/usr/bin/terraform"), null, Duration.ofMinutes(1));

  @Test
  void containsOnlyTheFixedVariablesAndTheExtras() {
    Map<String, String> env = TerraformEnvironment.minimal(Path.of("/home/pave"), SETTINGS, Map.of("PG_CONN_STR", "x"));
    assertThat(env).containsOnlyKeys(
        "PATH", "HOME", "TF_IN_AUTOMATION", "TF_INPUT", "CHECKPOINT_DISABLE", "TF_CLI_CONFIG_FILE", "GOGC", "GOMEMLIMIT",
        "PG_CONN_STR");
    assertThat(env).containsEntry("HOME", "/home/pave")
        .containsEntry("TF_IN_AUTOMATION", "1")
        .containsEntry("TF_INPUT", "0")
        .containsEntry("CHECKPOINT_DISABLE", "1")
        .containsEntry("TF_CLI_CONFIG_FILE", "/dev/null")
        .containsEntry("PATH", System.getenv("PATH"));
  }

  @Test
  void usesTheConfiguredCliConfigFile() {
    TerraformSettings withMirror = new TerraformSettings(Path.of("terraform"), Path.of("/etc/pave/terraformrc"), Duration.ofMinutes(1));
    assertThat(TerraformEnvironment.minimal(Path.of("/h"), withMirror, null))
        .containsEntry("TF_CLI_CONFIG_FILE", "/etc/pave/terraformrc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TF_VAR_database_name", "TF_CLI_ARGS", "TF_CLI_ARGS_plan", "TF_WORKSPACE", "TF_LOG",
      "TF_LOG_PATH", "HOME", "TF_CLI_CONFIG_FILE", "PATH"})
  void refusesVariablesPaveControls(String name) {
    assertThatThrownBy(() -> TerraformEnvironment.minimal(Path.of("/h"), SETTINGS, Map.of(name, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name)
        .hasMessageNotContaining("=x");
  }

  @Test
  void selectsTheWorkspaceOnlyThroughItsOwnParameter() {
    assertThat(TerraformEnvironment.minimal(Path.of("/h"), SETTINGS, Map.of(), "orders-db"))
        .containsEntry("TF_WORKSPACE", "orders-db");
    assertThat(TerraformEnvironment.minimal(Path.of("/h"), SETTINGS, Map.of(), null)).doesNotContainKey("TF_WORKSPACE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "two words", "tab\tname"})
  void refusesAWorkspaceNameTerraformWouldMisread(String workspace) {
    assertThatThrownBy(() -> TerraformEnvironment.minimal(Path.of("/h"), SETTINGS, Map.of(), workspace))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid Terraform workspace name");
  }

  @Test
  void tunesGoGarbageCollectionUnlessTheOperatorSetsIt() {
    assertThat(TerraformEnvironment.minimal(Path.of("/h"), SETTINGS, Map.of()))
        .containsEntry("GOGC", "off").containsEntry("GOMEMLIMIT", "512MiB");
    assertThat(TerraformEnvironment.minimal(Path.of("/h"), SETTINGS, Map.of("GOGC", "100")))
        .containsEntry("GOGC", "100").containsEntry("GOMEMLIMIT", "512MiB");
  }
}
