package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** GET /v1/health: ok, or unavailable with the check that failed. */
public record HealthView(@Schema(allowableValues = {"ok", "unavailable"}) String status,
    @Schema(description = "each dependency (database, temporal): ok or what is wrong") Map<String, String> checks) {}
