package dev.pave.workflows.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The one JSON reader of the wrapper; Terraform's JSON is read as trees, never bound to beans. */
final class TerraformJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TerraformJson() {}

  static JsonNode parse(String command, String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // No excerpt of the text: it may be a plan with sensitive values.
      throw new TerraformException(command, TerraformException.NO_EXIT_CODE, List.of(),
          "terraform " + command + " printed invalid JSON at line " + e.getLocation().getLineNr(), null);
    }
  }
}
