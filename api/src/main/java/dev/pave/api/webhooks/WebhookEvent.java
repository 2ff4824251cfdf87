package dev.pave.api.webhooks;

import dev.pave.workflows.contract.RequestStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events an endpoint can subscribe to: a request moving into one of these statuses. */
public enum WebhookEvent {
  REQUEST_AWAITING_APPROVAL(RequestStatus.AWAITING_APPROVAL),
  REQUEST_SUCCEEDED(RequestStatus.SUCCEEDED),
  REQUEST_FAILED(RequestStatus.FAILED),
  REQUEST_DENIED(RequestStatus.DENIED),
  REQUEST_REJECTED(RequestStatus.REJECTED),
  REQUEST_EXPIRED(RequestStatus.EXPIRED),
  REQUEST_CANCELLED(RequestStatus.CANCELLED);

  private final RequestStatus status;

  WebhookEvent(RequestStatus status) {
    this.status = status;
  }

  /** The name on the wire and in the payload's {@code type}: request.awaiting_approval, ... */
  public String wireName() {
    return "request." + status.wireName();
  }

  public static Optional<WebhookEvent> of(RequestStatus status) {
    return Arrays.stream(values()).filter(e -> e.status == status).findFirst();
  }

  public static Optional<WebhookEvent> fromWire(String name) {
    return Arrays.stream(values()).filter(e -> e.wireName().equals(name)).findFirst();
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(WebhookEvent::wireName).toList();
  }
}
