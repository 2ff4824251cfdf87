package dev.pave.api.api;

import java.util.List;

/**
 * What the saved plan changes, and its hash: the plan an approval is bound to. {@code changes}
 * lists its resources (in the full view; null in lists, and for plans stored without their JSON).
 */
public record PlanSummaryView(int add, int change, int destroy, String sha256, List<PlanChangeView> changes) {}
