package dev.pave.workflows.activities;

import java.util.function.Supplier;

/**
 * Runs a speculative plan so that it leaves the Terraform state as it found it.
 *
 * <p>Why: Terraform's plan never writes an existing state, but the pg backend gives a workspace
 * that has none an empty state of its own (under its database-wide lock), and a preview of a new
 * workspace would leave that behind. So Pave stores its own empty state first, as it does before
 * any first plan (see {@link WorkspaceStates}), and takes exactly that one away afterwards; a
 * state that was there before is never touched. A worker that dies in between leaves an empty
 * state, which is what the workspace's first apply would have made anyway.
 */
final class StateLeftAsFound {

  private StateLeftAsFound() {}

  static <T> T during(WorkspaceStates states, String workspace, String emptyState, Supplier<T> plan) {
    boolean created = states.createIfMissing(workspace, emptyState);
    try {
      return plan.get();
    } finally {
      if (created) {
        states.removeIfUnchanged(workspace, emptyState);
      }
    }
  }
}
