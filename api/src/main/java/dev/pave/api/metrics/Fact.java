package dev.pave.api.metrics;

/**
 * One request as the metrics see it: a row of metrics_requests. Times are epoch milliseconds;
 * finishedAt is {@link #UNFINISHED} until the request is terminal.
 */
record Fact(String requestId, String team, String module, String environment, String status,
    long createdAt, long finishedAt, long leadTimeMs, long queueMs, long initMs, long planMs, long policyMs,
    long approvalMs, long applyMs, boolean human, boolean applyRan, boolean applyFailed, boolean selfCancelled) {

  static final long UNFINISHED = Long.MIN_VALUE;

  boolean terminal() {
    return finishedAt != UNFINISHED;
  }

  boolean succeeded() {
    return "succeeded".equals(status);
  }

  long machineMs() {
    return initMs + planMs + policyMs + applyMs;
  }
}
