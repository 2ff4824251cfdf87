package dev.pave.api.metrics;

import java.util.List;

/** The requests a platform team looks at on Monday: the slowest successes and the failures of a period. */
public record RecentRequests(List<RequestSummary> slowest, List<RequestSummary> failing) {

  /** Ended without the infrastructure and without anybody deciding so (rejected and cancelled are decisions). */
  static final List<String> FAILING = List.of("failed", "denied", "expired");
}
