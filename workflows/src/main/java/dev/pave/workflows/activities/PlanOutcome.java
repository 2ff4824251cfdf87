package dev.pave.workflows.activities;

/** What the workflow needs to know about a saved plan; the plan itself stays in PostgreSQL. */
public record PlanOutcome(boolean hasChanges, int add, int change, int destroy, String planSha256) {}
