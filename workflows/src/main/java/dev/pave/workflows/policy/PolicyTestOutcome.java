package dev.pave.workflows.policy;

/**
 * One policy test case after it ran.
 *
 * @param location where the case is written ({@code file:line})
 * @param message the policy result's message (why it denied or failed), or null
 */
public record PolicyTestOutcome(
    String policy,
    String caseName,
    String expected,
    String actual,
    boolean ok,
    String location,
    String message) {}
