package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A workspace as GET /v1/workspaces/{name} returns it. */
public record WorkspaceView(
    String name,
    String module,
    String version,
    String team,
    String environment,
    String status,
    JsonNode inputs,
    ObjectNode outputs,
    @Schema(nullable = true) Instant expiresAt,
    @com.fasterxml.jackson.annotation.JsonProperty("protected") boolean isProtected,
    DriftView drift,
    @Schema(nullable = true) CostView costEstimate,
    String lastRequestId) {

  /** Drift detection is not built yet: checkedAt stays null until a drift check has run. */
  public record DriftView(@Schema(nullable = true) Instant checkedAt, @Schema(nullable = true) Boolean drifted) {}
}
