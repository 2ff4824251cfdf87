package dev.pave.workflows.activities;

/**
 * The pg backend's state rows, which Pave touches for one thing only: giving a new workspace an
 * empty state right after its first init.
 *
 * <p>Why: while a Terraform workspace has no state row, the pg backend locks it with advisory lock
 * -1, which is database-wide, and holds it for the whole of the first apply; every other
 * workspace's plan or apply meanwhile fails to lock (or waits out its lock timeout). With an empty
 * state in place, the first apply locks only its own row, and new workspaces provision in parallel.
 */
public interface WorkspaceStates {

  /** For a state database Pave cannot reach by JDBC: Terraform creates the state itself, under lock -1. */
  WorkspaceStates NONE = (schema, emptyState) -> { };

  /**
   * Stores {@code emptyState} as the default workspace's state in {@code schema}, unless a state
   * is there already: never replaces one.
   */
  void createIfMissing(String schema, String emptyState);
}
