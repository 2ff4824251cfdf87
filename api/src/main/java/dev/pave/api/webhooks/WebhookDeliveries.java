package dev.pave.api.webhooks;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A worker process's deliveries: the delivery worker, and the pending deliveries started at start and every minute. */
final class WebhookDeliveries implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);
  private static final long SWEEP_SECONDS = 60;

  private final Managed worker;
  private final WebhookDispatcher dispatcher;
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "pave-webhook-sweeper");
    thread.setDaemon(true);
    return thread;
  });

  WebhookDeliveries(Managed worker, WebhookDispatcher dispatcher) {
    this.worker = worker;
    this.dispatcher = dispatcher;
  }

  @Override
  public void start() throws Exception {
    worker.start();
    sweeper.scheduleWithFixedDelay(this::sweep, 0, SWEEP_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void stop() throws Exception {
    sweeper.shutdownNow();
    worker.stop();
  }

  private void sweep() {
    try {
      int started = dispatcher.startPending();
      if (started > 0) {
        LOG.info("started {} pending webhook deliveries", started);
      }
    } catch (RuntimeException unavailable) {
      LOG.warn("could not start pending webhook deliveries yet: {}", unavailable.getClass().getSimpleName());
    }
  }
}
