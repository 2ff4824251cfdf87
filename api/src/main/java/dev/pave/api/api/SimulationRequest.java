package dev.pave.api.api;

import java.util.List;

/**
 * Body of POST /v1/policies/simulate: a candidate policy set (each file's path relative to the
 * policies folder, and its content) and how far back to replay ("30d", "12h" or an ISO instant).
 */
public record SimulationRequest(String since, List<PolicyFile> policies) {

  public record PolicyFile(String path, String content) {}
}
