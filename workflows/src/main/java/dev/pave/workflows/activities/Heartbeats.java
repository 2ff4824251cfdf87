package dev.pave.workflows.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps a long Terraform step's heartbeat going, even while Terraform prints nothing, so the
 * heartbeat timeout measures "is the worker alive", not "is Terraform chatty".
 */
final class Heartbeats {

  private static final ScheduledExecutorService TICKER = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "pave-heartbeat");
    t.setDaemon(true);
    return t;
  });

  private Heartbeats() {}

  static <T> T during(Supplier<T> work) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    ScheduledFuture<?> ticking = TICKER.scheduleAtFixedRate(() -> {
      try {
        context.heartbeat(null);
      } catch (RuntimeException cancelledOrGone) {
        // The next heartbeat or the activity's own result reports it; the ticker must not die.
      }
    }, 0, 2, TimeUnit.SECONDS);
    try {
      return work.get();
    } finally {
      ticking.cancel(false);
    }
  }
}
