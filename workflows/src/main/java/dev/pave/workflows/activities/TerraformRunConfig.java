package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.terraform.Terraform;
import dev.pave.workflows.terraform.TerraformSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How this worker runs Terraform.
 *
 * @param stateConnection libpq URL of the database holding Terraform state (pg backend)
 * @param environment extra variables for Terraform and its provisioners (e.g. PGPASSWORD of a target server)
 * @param platformInputs values for the variables modules declare as platformInputs
 * @param lockTimeout how long Terraform waits for a state lock that another process holds
 * @param states the state rows: an empty one for a new workspace before its first plan, outputs after an apply
 */
public record TerraformRunConfig(
    Terraform terraform,
    TerraformSettings settings,
    Path workRoot,
    String stateConnection,
    Map<String, String> environment,
    Map<String, JsonNode> platformInputs,
    Duration lockTimeout,
    WorkspaceStates states) {}
