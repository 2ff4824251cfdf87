package dev.pave.api.metrics;

import java.util.Set;

/** The value of the `environment` label: a configured environment (metrics.environments) or `other`. */
final class EnvironmentLabel {

  static final String OTHER = "other";

  private final Set<String> known;

  EnvironmentLabel(java.util.Collection<String> known) {
    this.known = Set.copyOf(known);
  }

  String of(String environment) {
    return known.contains(environment) ? environment : OTHER;
  }
}
