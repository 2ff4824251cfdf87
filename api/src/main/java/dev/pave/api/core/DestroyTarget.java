package dev.pave.api.core;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.db.WorkspaceRow;
import dev.pave.api.errors.ApiError.FieldMessage;
import dev.pave.api.errors.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * What a destroy must name: a workspace of the caller's team. Checked before the inputs, which a
 * destroy takes from the workspace: without one, the caller would read about a missing input
 * instead of the missing workspace. Another team's workspace reads exactly as one that never
 * existed, so a destroy cannot be used to learn which names other teams hold.
 */
final class DestroyTarget {

  private DestroyTarget() {}

  static void check(PavePrincipal caller, String action, String name, Optional<WorkspaceRow> workspace) {
    // A malformed name is the validator's to report (without echoing it).
    if (!"destroy".equals(action) || name == null || !Names.WORKSPACE.matcher(name).matches()) {
      return;
    }
    if (workspace.isEmpty() || !workspace.get().team().equals(caller.team())) {
      throw nothingToDestroy(name);
    }
  }

  static ApiException nothingToDestroy(String name) {
    String message = "no workspace named " + name + " to destroy";
    return new ApiException(422, "workspace: " + message, List.of(new FieldMessage("workspace", message)));
  }
}
