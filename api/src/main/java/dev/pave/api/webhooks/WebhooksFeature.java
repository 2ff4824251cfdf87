package dev.pave.api.webhooks;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.wiring.PaveServices;
import dev.pave.workflows.webhooks.WebhookWorker;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;

/**
 * Webhooks, wired in one call: the /v1/webhooks resource, the outbox's after-commit starts, and,
 * where workflows run, the delivery worker with its sweep of pending deliveries.
 */
public final class WebhooksFeature {

  private WebhooksFeature() {}

  public static void register(Environment environment, PaveServices services, PaveConfiguration config,
      boolean runsWorkflows) {
    Clock clock = Clock.systemUTC();
    boolean embeddedDefault = config.database.embedded() && config.temporal.embedded();
    DeliveryTargetGuard guard = new DeliveryTargetGuard(config.webhooks.privateNetworksAllowed(embeddedDefault),
        AdminPorts.of(config, environment));
    WebhookSecrets secrets = new WebhookSecrets(services.secrets);
    WebhookDispatcher dispatcher = new WebhookDispatcher(services.client, services.jdbi, config.webhooks);
    services.jdbi.getConfig(WebhookDispatch.class).starter(dispatcher::start);
    environment.jersey().register(new WebhookResource(
        new WebhookService(services.jdbi, secrets, guard, config.webhooks.rotationGrace, clock)));
    if (runsWorkflows) {
      DeliveryAttempts attempts = new DeliveryAttempts(services.jdbi, secrets,
          new WebhookSender(guard, config.webhooks.attemptTimeout), config.publicUrl, clock);
      environment.lifecycle().manage(new WebhookDeliveries(new WebhookWorker(services.client, attempts), dispatcher));
    }
  }
}
