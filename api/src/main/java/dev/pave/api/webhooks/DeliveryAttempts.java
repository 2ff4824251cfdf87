package dev.pave.api.webhooks;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.workflows.webhooks.AttemptResult;
import dev.pave.workflows.webhooks.AttemptResult.Outcome;
import dev.pave.workflows.webhooks.WebhookDeliveryActivities;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The delivery activity: reads the delivery, signs and sends it once, and writes the attempt to the log. */
final class DeliveryAttempts implements WebhookDeliveryActivities {

  private final Jdbi jdbi;
  private final WebhookSecrets secrets;
  private final WebhookSender sender;
  private final String publicUrl;
  private final Clock clock;

  DeliveryAttempts(Jdbi jdbi, WebhookSecrets secrets, WebhookSender sender, String publicUrl, Clock clock) {
    this.jdbi = jdbi;
    this.secrets = secrets;
    this.sender = sender;
    this.publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    this.clock = clock;
  }

  @Override
  public AttemptResult attempt(String deliveryId, int maxAttempts) {
    WebhookDao webhooks = jdbi.onDemand(WebhookDao.class);
    Optional<DeliveryRow> found = webhooks.findDelivery(deliveryId);
    if (found.isEmpty()) {
      return new AttemptResult(Outcome.DROPPED, 0); // its endpoint was deleted, and its log with it
    }
    DeliveryRow delivery = found.get();
    if (!"pending".equals(delivery.status())) {
      return ended(delivery);
    }
    Optional<WebhookEndpointRow> endpoint = webhooks.find(delivery.endpointId());
    Optional<RequestRow> request = jdbi.onDemand(RequestDao.class).find(delivery.requestId());
    if (endpoint.isEmpty() || endpoint.get().disabledAt() != null || request.isEmpty()) {
      webhooks.drop(deliveryId, clock.instant(), "the endpoint is disabled or deleted");
      return new AttemptResult(Outcome.DROPPED, delivery.attempts());
    }
    Instant now = clock.instant();
    String status = delivery.event().substring("request.".length());
    String requestUrl = publicUrl == null ? null : publicUrl + "/v1/requests/" + delivery.requestId();
    String body = WebhookFormat.SLACK.wireName().equals(endpoint.get().format())
        ? DeliveryPayload.slack(status, request.get(), requestUrl)
        : DeliveryPayload.standard(delivery.event(), delivery.occurredAt(), status, request.get(), requestUrl);
    WebhookSender.Answer answer = sender.send(endpoint.get().url(), deliveryId, now.getEpochSecond(), body,
        secrets.signingKeys(endpoint.get(), now));
    return record(delivery, answer, maxAttempts);
  }

  private AttemptResult record(DeliveryRow delivery, WebhookSender.Answer answer, int maxAttempts) {
    Instant at = clock.instant();
    int attempts = delivery.attempts() + 1;
    if (answer.gone()) {
      jdbi.useTransaction(handle -> {
        WebhookDao webhooks = handle.attach(WebhookDao.class);
        webhooks.recordAttempt(delivery.id(), answer.httpStatus(), "HTTP 410 Gone: the endpoint is now disabled", at,
            "failed");
        if (webhooks.disable(delivery.endpointId(), at, "the receiver answered 410 Gone") == 1) {
          webhooks.dropPending(delivery.endpointId(), at, "the endpoint is disabled (410 Gone)");
          AuditLog.append(handle, AuditEvent.bySystem("webhook.disabled", delivery.endpointId(),
              Map.of("reason", "410 Gone", "deliveryId", delivery.id())));
        }
      });
      return new AttemptResult(Outcome.DROPPED, attempts);
    }
    Outcome outcome = answer.delivered() ? Outcome.DELIVERED : attempts >= maxAttempts ? Outcome.GAVE_UP : Outcome.RETRY;
    String status = switch (outcome) {
      case DELIVERED -> "delivered";
      case GAVE_UP -> "failed";
      default -> "pending";
    };
    int recorded = jdbi.onDemand(WebhookDao.class).recordAttempt(delivery.id(), answer.httpStatus(), answer.error(),
        at, status);
    if (recorded == 0) {
      // Ended meanwhile (its endpoint disabled by another delivery's 410, say): say how it stands.
      return jdbi.onDemand(WebhookDao.class).findDelivery(delivery.id()).map(DeliveryAttempts::ended)
          .orElse(new AttemptResult(Outcome.DROPPED, attempts));
    }
    return new AttemptResult(outcome, attempts);
  }

  private static AttemptResult ended(DeliveryRow delivery) {
    Outcome outcome = switch (delivery.status()) {
      case "delivered" -> Outcome.DELIVERED;
      case "failed" -> Outcome.GAVE_UP;
      case "pending" -> Outcome.RETRY;
      default -> Outcome.DROPPED;
    };
    return new AttemptResult(outcome, delivery.attempts());
  }
}
