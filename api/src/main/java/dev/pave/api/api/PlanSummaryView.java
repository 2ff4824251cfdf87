package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the saved plan changes, and its hash: the plan an approval is bound to. */
public record PlanSummaryView(int add, int change, int destroy, @Schema(nullable = true, description = "null until the plan is saved") String sha256) {}
