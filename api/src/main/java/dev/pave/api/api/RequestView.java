package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** A request as GET /v1/requests/{id} returns it; the field names are part of the contract. */
public record RequestView(
    String id,
    String module,
    String version,
    String workspace,
    String environment,
    String team,
    String requester,
    @Schema(allowableValues = {"apply", "destroy", "plan"}, description = "plan: a speculative plan, never applied")
    String action,
    String status,
    JsonNode inputs,
    @Schema(nullable = true) Integer ttlHours,
    Instant createdAt,
    @Schema(nullable = true) Instant finishedAt,
    @Schema(nullable = true) Long leadTimeMs,
    @Schema(nullable = true, description = "null in lists (GET /v1/requests): ask for the request itself")
    List<StepView> steps,
    @Schema(nullable = true, description = "null in lists (GET /v1/requests): ask for the request itself")
    List<PolicyResultView> policies,
    @Schema(nullable = true) PlanSummaryView plan,
    @Schema(nullable = true) CostView costEstimate,
    @Schema(nullable = true) ApprovalView approval,
    @Schema(nullable = true) ObjectNode outputs,
    @Schema(nullable = true) String error) {}
