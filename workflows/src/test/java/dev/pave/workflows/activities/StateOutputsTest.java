package dev.pave.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.workflows.terraform.OutputValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outputs read from a version-4 state match what `terraform output -json` reports. */
class StateOutputsTest {

  @Test
  void readsValuesAndSensitivityFromAVersion4State() {
    String state = """
        {"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "x",
         "outputs": {"host": {"value": "127.0.0.1", "type": "string"},
                     "port": {"value": 5433, "type": "number"},
                     "password": {"value": "s3cret", "type": "string", "sensitive": true}},
         "resources": []}""";
    Map<String, OutputValue> outputs = StateOutputs.of(state).orElseThrow();
    assertThat(outputs.keySet()).containsExactly("host", "port", "password");
    assertThat(outputs.get("port").value().asInt()).isEqualTo(5433);
    assertThat(outputs.get("host").sensitive()).isFalse();
    assertThat(outputs.get("password").sensitive()).isTrue();
  }

  @Test
  void anythingElseIsLeftToTerraform() {
    assertThat(StateOutputs.of("{\"version\": 3}")).isEmpty();
    assertThat(StateOutputs.of("not json")).isEmpty();
  }
}
