package dev.pave.api.api;

import java.util.List;

/** GET /v1/requests/{id}/logs: Terraform's output of each step run, in order, secrets masked. */
public record RequestLogsView(String requestId, List<StepOutput> steps) {

  /** One run of a step: init, plan or apply; {@code truncated} when only the tail was kept. */
  public record StepOutput(String step, String output, boolean truncated) {}
}
