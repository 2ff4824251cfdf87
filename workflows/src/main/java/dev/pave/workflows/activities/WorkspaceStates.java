package dev.pave.workflows.activities;

/**
 * The pg backend's state rows, which Pave touches for three things only: giving a new workspace an
 * empty state before its first plan, taking that empty state away again after a speculative plan
 * (which leaves no trace), and reading outputs after an apply.
 *
 * <p>Why: while a Terraform workspace has no state row, the pg backend locks it with advisory lock
 * -1, which is database-wide, and holds it for the whole of the first apply; every other
 * workspace's plan or apply meanwhile fails to lock (or waits out its lock timeout). With an empty
 * state in place, the first apply locks only its own row, and new workspaces provision in parallel.
 */
public interface WorkspaceStates {

  /** For a state database Pave cannot reach by JDBC: Terraform creates the state itself, under lock -1. */
  WorkspaceStates NONE = new WorkspaceStates() {
    @Override
    public boolean createIfMissing(String workspace, String emptyState) {
      return false;
    }

    @Override
    public void removeIfUnchanged(String workspace, String state) {}

    @Override
    public java.util.Optional<String> read(String workspace) {
      return java.util.Optional.empty();
    }
  };

  /**
   * Copies the states Pave kept before one schema held them all (one schema per workspace,
   * {@code tfstate_<workspace, '-' as '_'>}, default Terraform workspace) into
   * {@link WorkingDirectories#STATE_SCHEMA}, under the workspace's name; a row already there wins.
   * Workspace names never contain '_', so the old schema name gives the name back exactly.
   *
   * @return false if it could not run (the caller tries again later)
   */
  default boolean adoptLegacyStates() {
    return true;
  }

  /**
   * Stores {@code emptyState} as the workspace's state in {@link WorkingDirectories#STATE_SCHEMA},
   * unless a state is there already: never replaces one.
   *
   * @return true when this call stored it (false: a state was there, or the database could not be reached)
   */
  boolean createIfMissing(String workspace, String emptyState);

  /**
   * Deletes the workspace's state if it is still exactly {@code state} (what {@link
   * #createIfMissing} stored): a state any apply has written since is never touched.
   */
  void removeIfUnchanged(String workspace, String state);

  /**
   * The workspace's state JSON, if Pave can read it. After an apply, outputs are read from it: one
   * query instead of another Terraform process ({@code terraform output -json}).
   */
  java.util.Optional<String> read(String workspace);
}
