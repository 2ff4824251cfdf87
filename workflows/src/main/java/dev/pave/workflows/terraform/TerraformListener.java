package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives every line of a {@code -json} stream (plan, apply) as it arrives; activities heartbeat
 * from it.
 *
 * <p>Called on a reader thread owned by the runner, not the caller's. An exception thrown here
 * (for example Temporal's {@code ActivityCompletionException} from a heartbeat of a cancelled
 * activity) stops Terraform, kills its process tree and is rethrown by the calling method.
 *
 * <p>Diagnostics arrive without their {@code snippet} (it can quote the inputs file). Other events
 * can still carry values, e.g. provisioner output: record counts and types, not whole events.
 */
@FunctionalInterface
public interface TerraformListener {

  TerraformListener NONE = event -> {};

  void onEvent(JsonNode event);
}
