package dev.pave.api.api;

public record CostView(double monthlyUsd) {}
