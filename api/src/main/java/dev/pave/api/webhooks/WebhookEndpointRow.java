package dev.pave.api.webhooks;

import java.time.Instant;
import java.util.List;

/** A row of webhook_endpoints; {@code team} null means every team. */
public record WebhookEndpointRow(String id, String team, String url, String[] events, String format,
    byte[] sealedSecret, byte[] sealedPreviousSecret, Instant previousSecretUntil, String createdBySubject,
    Instant createdAt, Instant secretRotatedAt, Instant disabledAt, String disabledReason) {

  public static final String ALL_TEAMS = "*";

  /** The endpoint as shown after its registration: its URL's path and query masked (MaskedUrl). */
  public WebhookView view() {
    return new WebhookView(id, MaskedUrl.of(url), List.of(events), format, team == null ? ALL_TEAMS : team, disabledAt == null,
        disabledReason, createdAt, secretRotatedAt, previousSecretUntil);
  }
}
