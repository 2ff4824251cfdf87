package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a candidate policy set would have decided on the recorded requests: counts per verdict,
 * and each request whose verdict changes, with the policies that make the difference.
 */
public record SimulationReport(Instant since, int evaluated, Map<String, Integer> recorded,
    Map<String, Integer> simulated, List<Change> changes) {

  /** One request whose verdict would change. */
  @Schema(name = "SimulationChange")
  public record Change(String requestId, String workspace, String team, String environment, String action,
      String status, @Schema(nullable = true) String recordedVerdict, @Schema(nullable = true) String simulatedVerdict, List<String> decidedBy) {}
}
