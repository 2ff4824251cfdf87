package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What the saved plan changes, and its hash: the plan an approval is bound to. {@code changes}
 * lists its resources (in the full view; null in lists, and for plans stored without their JSON).
 */
public record PlanSummaryView(int add, int change, int destroy,
    @Schema(nullable = true, description = "null until the plan is saved") String sha256,
    @Schema(nullable = true, description = "the resources the plan changes, with"
        + " Terraform's actions for each (what a speculative plan is asked for); null in lists and for plans saved"
        + " without their JSON") List<PlanChangeView> changes) {}
