package dev.pave.api.api;

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
    String action,
    String status,
    JsonNode inputs,
    Integer ttlHours,
    Instant createdAt,
    Instant finishedAt,
    Long leadTimeMs,
    List<StepView> steps,
    List<PolicyResultView> policies,
    PlanSummaryView plan,
    CostView costEstimate,
    ApprovalView approval,
    ObjectNode outputs,
    String error) {}
