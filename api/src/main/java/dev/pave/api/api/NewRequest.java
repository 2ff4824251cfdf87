package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** Body of POST /v1/requests. Unknown top-level fields are refused (a typo never passes silently). */
@JsonIgnoreProperties(ignoreUnknown = false)
public record NewRequest(
    String module,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "the catalog's latest when left out")
    String version,
    @Schema(pattern = WorkspaceNameRule.REGEX, description = "a new workspace's name: " + WorkspaceNameRule.TEXT)
    String workspace,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "one of the configured environments"
        + " (default dev, staging, prod); required for a new workspace; on an existing one its own environment or"
        + " left out (a workspace never changes environment)")
    String environment,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, allowableValues = {"apply", "destroy", "plan"},
        defaultValue = "apply", description = "apply (the default), destroy, or plan: a speculative plan (init, plan"
        + " and the policies, nothing applied, no approver asked; docs/plans.md)")
    String action,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "the module's inputs, checked against its"
        + " inputSchema (GET /v1/modules/{name})")
    JsonNode inputs,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, implementation = Integer.class, minimum = "1",
        description = "hours until the workspace is destroyed; policies may require it outside prod")
    JsonNode ttlHours) {}
