package dev.pave.workflows.activities;

/**
 * What the workflow needs to know about a saved plan (the plan itself stays in PostgreSQL), and
 * what the plan-stage policies said of it: they are checked in the activity that made the plan,
 * on the plan JSON it has in hand, before the plan can be applied.
 */
public record PlanOutcome(boolean hasChanges, int add, int change, int destroy, String planSha256, PolicyCheck check) {}
