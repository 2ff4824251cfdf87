package dev.pave.api.api;

/** What the saved plan changes, and its hash: the plan an approval is bound to. */
public record PlanSummaryView(int add, int change, int destroy, String sha256) {}
