package dev.pave.api.webhooks;

import dev.pave.workflows.contract.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox of webhook events: a request's move into an event's status writes a
 * pending delivery per subscribed endpoint in the move's own transaction (so a move is never
 * without its deliveries, nor a delivery without its move), and each delivery's workflow starts
 * once that transaction has committed. One event queues at most {@code webhooks.maxDeliveriesPerEvent}
 * deliveries, to the oldest endpoints: a newly registered endpoint never pushes out an older one.
 */
public final class WebhookOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookOutbox.class);

  private WebhookOutbox() {}

  /** Called by the one move of a request's status, in its transaction, after the row moved. */
  public static void moved(Handle handle, String requestId, RequestStatus to, Instant at) {
    WebhookEvent.of(to).ifPresent(event -> {
      WebhookDao webhooks = handle.attach(WebhookDao.class);
      int max = handle.getConfig(WebhookDispatch.class).maxPerEvent();
      List<String> deliveries = webhooks.enqueue(requestId, event.wireName(), at != null ? at : Instant.now(), max);
      if (deliveries.size() == max) {
        int listening = webhooks.listening(requestId, event.wireName());
        if (listening > max) {
          LOG.warn("{} of request {}: {} endpoints listen, {} were queued (webhooks.maxDeliveriesPerEvent)",
              event.wireName(), requestId, listening, max);
        }
      }
      if (!deliveries.isEmpty()) {
        Consumer<String> starter = handle.getConfig(WebhookDispatch.class).starter();
        handle.afterCommit(() -> deliveries.forEach(starter));
      }
    });
  }
}
