package dev.pave.api.webhooks;

import dev.pave.workflows.contract.WebhookDeliveryRuns;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts delivery runs: one right after its outbox row commits, and every pending one at start
 * and on each sweep (the embedded Temporal forgets its workflows on restart; a start while
 * Temporal was down left its row pending).
 */
public final class WebhookDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final WebhookDeliveryRuns runs;
  private final Jdbi jdbi;

  /**
   * Also makes this dispatcher the one that starts deliveries after the moves committed through
   * {@code jdbi}, and bounds how many deliveries one such move queues.
   */
  public WebhookDispatcher(WebhookDeliveryRuns runs, Jdbi jdbi, int maxDeliveriesPerEvent) {
    this.runs = runs;
    this.jdbi = jdbi;
    jdbi.getConfig(WebhookDispatch.class).starter(this::start);
    jdbi.getConfig(WebhookDispatch.class).maxPerEvent(maxDeliveriesPerEvent);
  }

  void start(String deliveryId) {
    try {
      runs.start(deliveryId);
    } catch (RuntimeException temporalDown) {
      LOG.warn("webhook delivery {} waits for the next sweep ({})", deliveryId, temporalDown.getClass().getSimpleName());
    }
  }

  int startPending() {
    List<String> pending = jdbi.onDemand(WebhookDao.class).pending();
    pending.forEach(this::start);
    return pending.size();
  }
}
