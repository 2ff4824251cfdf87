package dev.pave.api.webhooks;

import java.util.function.Consumer;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Who starts a delivery once the transaction that recorded it commits, carried in Jdbi's
 * configuration so the one place that moves requests (JdbiRequestLedger) needs no new
 * dependency. Until webhooks are wired (a DAO test's bare Jdbi), nobody: the rows wait for the
 * sweep that starts every pending delivery.
 */
public final class WebhookDispatch implements JdbiConfig<WebhookDispatch> {

  private Consumer<String> starter = deliveryId -> {};

  public WebhookDispatch() {}

  private WebhookDispatch(WebhookDispatch other) {
    this.starter = other.starter;
  }

  void starter(Consumer<String> starter) {
    this.starter = starter;
  }

  Consumer<String> starter() {
    return starter;
  }

  @Override
  public WebhookDispatch createCopy() {
    return new WebhookDispatch(this);
  }
}
