package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * A Terraform state file (format 4) with nothing in it: what the pg backend itself writes when it
 * creates a named workspace. Its lineage is new; {@code terraformVersion} must not be newer than
 * the binary that reads it, so it is the binary's own version.
 */
final class EmptyState {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EmptyState() {}

  static String of(String terraformVersion) {
    ObjectNode state = JSON.createObjectNode();
    state.put("version", 4);
    state.put("terraform_version", terraformVersion);
    state.put("serial", 0);
    state.put("lineage", UUID.randomUUID().toString());
    state.putObject("outputs");
    state.putArray("resources");
    state.putNull("check_results");
    return state.toString();
  }
}
