package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.workflows.terraform.OutputValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Outputs as Terraform stored them in the state (format version 4: {@code outputs.<name>.value}
 * and {@code .sensitive}), the same values {@code terraform output -json} prints.
 */
final class StateOutputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StateOutputs() {}

  /** Empty when the state is not a version-4 state (then ask Terraform instead). */
  static Optional<Map<String, OutputValue>> of(String stateJson) {
    try {
      JsonNode state = JSON.readTree(stateJson);
      if (state == null || state.path("version").asInt() != 4 || !state.path("outputs").isObject()) {
        return Optional.empty();
      }
      Map<String, OutputValue> outputs = new LinkedHashMap<>();
      state.get("outputs").fields().forEachRemaining(output -> outputs.put(output.getKey(),
          new OutputValue(output.getValue().path("value"), output.getValue().path("sensitive").asBoolean(false))));
      return Optional.of(outputs);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
