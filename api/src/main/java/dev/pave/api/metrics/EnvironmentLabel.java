package dev.pave.api.metrics;

import java.util.Set;

/** The value of the `environment` label: a configured environment (config `environments`) or `other`
 * (a request stored before the list was closed, or an environment since removed from it). */
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
