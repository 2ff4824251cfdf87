package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.pave.api.core.TimeWindows;
import java.util.List;

/**
 * Body of POST /v1/policies/simulate: a candidate policy set (each file's path relative to the
 * policies folder, and its content) and how far back to replay ("30d", "12h" or an ISO instant).
 */
public record SimulationRequest(
    @Schema(description = "how far back to replay: \"30d\", \"12h\", \"90m\" or an ISO-8601 instant",
        pattern = TimeWindows.PATTERN) String since,
    List<PolicyFile> policies) {

  public record PolicyFile(String path, String content) {}
}
