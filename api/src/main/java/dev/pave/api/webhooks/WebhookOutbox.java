package dev.pave.api.webhooks;

import dev.pave.workflows.contract.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * The transactional outbox of webhook events: a request's move into an event's status writes a
 * pending delivery per subscribed endpoint in the move's own transaction (so a move is never
 * without its deliveries, nor a delivery without its move), and each delivery's workflow starts
 * once that transaction has committed.
 */
public final class WebhookOutbox {

  private WebhookOutbox() {}

  /** Called by the one move of a request's status, in its transaction, after the row moved. */
  public static void moved(Handle handle, String requestId, RequestStatus to, Instant at) {
    WebhookEvent.of(to).ifPresent(event -> {
      List<String> deliveries = handle.attach(WebhookDao.class)
          .enqueue(requestId, event.wireName(), at != null ? at : Instant.now());
      if (!deliveries.isEmpty()) {
        Consumer<String> starter = handle.getConfig(WebhookDispatch.class).starter();
        handle.afterCommit(() -> deliveries.forEach(starter));
      }
    });
  }
}
