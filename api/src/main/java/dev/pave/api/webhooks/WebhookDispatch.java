package dev.pave.api.webhooks;

import java.util.function.Consumer;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Who starts a delivery once the transaction that recorded it commits, and how many deliveries
 * one event may queue, carried in Jdbi's configuration so the one place that moves requests
 * (JdbiRequestLedger) needs no new dependency. Until webhooks are wired (a DAO test's bare Jdbi),
 * nobody starts them: the rows wait for the sweep that starts every pending delivery.
 */
public final class WebhookDispatch implements JdbiConfig<WebhookDispatch> {

  private Consumer<String> starter = deliveryId -> {};
  private int maxPerEvent = new dev.pave.api.config.WebhookSettings().maxDeliveriesPerEvent;

  public WebhookDispatch() {}

  private WebhookDispatch(WebhookDispatch other) {
    this.starter = other.starter;
    this.maxPerEvent = other.maxPerEvent;
  }

  void starter(Consumer<String> starter) {
    this.starter = starter;
  }

  Consumer<String> starter() {
    return starter;
  }

  void maxPerEvent(int maxPerEvent) {
    this.maxPerEvent = maxPerEvent;
  }

  int maxPerEvent() {
    return maxPerEvent;
  }

  @Override
  public WebhookDispatch createCopy() {
    return new WebhookDispatch(this);
  }
}
