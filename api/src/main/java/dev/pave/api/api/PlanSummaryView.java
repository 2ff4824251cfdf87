package dev.pave.api.api;

public record PlanSummaryView(int add, int change, int destroy) {}
