package dev.pave.api.audit;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * How long {@link AuditLog#append} takes inside its caller's transaction, the wait on the chain's
 * advisory lock included: the lock lines every writer up, so under a burst this is where the
 * audit trail's cost shows. One histogram for the JVM because AuditLog is static; each
 * application's Prometheus registry registers it (MetricsFeature).
 */
public final class AuditAppendTimer {

  /** 0.5 ms to 10 s: an uncontended append is about a millisecond, a queue behind the lock much more. */
  public static final Histogram APPEND_SECONDS = Histogram.builder()
      .name("pave_audit_append_seconds")
      .help("Time of one audit append inside its transaction, including the wait on the chain's advisory lock")
      .unit(Unit.SECONDS)
      .classicOnly()
      .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
      .build();

  private AuditAppendTimer() {}
}
