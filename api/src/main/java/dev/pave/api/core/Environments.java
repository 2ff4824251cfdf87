package dev.pave.api.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The closed list of environments a request may name (config {@code environments}, default dev,
 * staging, prod). One home: the request check (422 outside it), the portal's select and the
 * Prometheus {@code environment} label all read it. Closed because policies compare the name: a
 * requester who could write {@code production} or {@code prd} would walk past every
 * {@code == 'prod'} rule.
 */
public record Environments(List<String> names) {

  public static final List<String> DEFAULT = List.of("dev", "staging", "prod");

  public Environments {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("environments must list at least one environment");
    }
    for (String name : names) {
      if (name == null || !Names.ENVIRONMENT.matcher(name).matches()) {
        throw new IllegalArgumentException("environments: '" + name + "' is not an environment name (1 to 32"
            + " characters: lower-case letters, digits and '-', starting with a letter)");
      }
    }
    if (new LinkedHashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("environments lists a name twice: " + names);
    }
    names = List.copyOf(names);
  }

  /**
   * The configured list. {@code metrics.environments} was where the list lived before it bounded
   * requests (issue 12 added it for the Prometheus label); a file that sets only it keeps working,
   * and one that sets both to different lists is refused rather than silently choosing one.
   *
   * @param configured the top-level {@code environments}, null when the file does not set it
   * @param fromMetrics {@code metrics.environments}, null when the file does not set it
   */
  public static Environments of(List<String> configured, List<String> fromMetrics) {
    if (configured != null && fromMetrics != null && !configured.equals(fromMetrics)) {
      throw new IllegalArgumentException("environments " + configured + " and metrics.environments " + fromMetrics
          + " differ: set environments only (metrics.environments is its older name)");
    }
    return new Environments(Optional.ofNullable(configured).or(() -> Optional.ofNullable(fromMetrics))
        .orElse(DEFAULT));
  }

  public boolean contains(String name) {
    return names.contains(name);
  }

  /** The list as an error message shows it: "dev, staging, prod". */
  public String listed() {
    return String.join(", ", names);
  }
}
