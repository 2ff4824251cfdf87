package dev.pave.api.core;

import java.util.Optional;

/**
 * What a request may say about its environment. A workspace keeps the environment it was created
 * in for good: a request on it names that environment or none (then it is the workspace's), so a
 * label cannot take a prod workspace past the prod policies, and moving a workspace to another
 * environment is not a request at all. A new workspace must name one of the configured list.
 */
final class EnvironmentCheck {

  private EnvironmentCheck() {}

  /** Why {@code requested} is refused, or empty when it is fine. */
  static Optional<String> problem(Environments environments, String workspace, String requested,
      Optional<String> workspaceEnvironment) {
    boolean omitted = requested == null || requested.isBlank();
    if (omitted) {
      return workspaceEnvironment.isPresent() ? Optional.empty()
          : Optional.of("is required for a new workspace: one of " + environments.listed());
    }
    if (workspaceEnvironment.isPresent()) {
      // The workspace's own environment stays valid even if the list has since dropped it.
      String existing = workspaceEnvironment.get();
      return existing.equals(requested) ? Optional.empty()
          : Optional.of("differs from workspace " + workspace + ", which is in " + existing + ": name " + existing
              + " or leave environment out (a workspace never changes environment)");
    }
    return environments.contains(requested) ? Optional.empty()
        : Optional.of("must be one of " + environments.listed());
  }
}
