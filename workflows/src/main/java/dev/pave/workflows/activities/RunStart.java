package dev.pave.workflows.activities;

/**
 * Where a (re)started workflow picks up. {@code resumeApply} is true when the request was
 * already applying a saved plan before a restart: the workflow goes straight to apply, which
 * uses that same plan or, if it went stale, fails closed rather than applying blind.
 */
public record RunStart(String action, boolean resumeApply, boolean cancelRequested) {}
