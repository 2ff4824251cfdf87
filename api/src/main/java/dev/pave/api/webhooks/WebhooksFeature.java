package dev.pave.api.webhooks;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.config.WebhookSettings;
import dev.pave.workflows.contract.WebhookDeliveryRuns;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.webhooks.WebhookDeliveryActivities;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Webhooks, wired in two calls: {@link #register} on every server (the /v1/webhooks resource and
 * the outbox's after-commit starts), {@link #attempts} and {@link #deliveries} wherever workflows
 * run, a server of the embedded default or `pave worker` (the delivery activities and the sweep
 * of pending deliveries). The Temporal worker itself is built by the composition root (wiring/).
 */
public final class WebhooksFeature {

  private WebhooksFeature() {}

  public static void register(Environment environment, Jdbi jdbi, SecretBox box, PaveConfiguration config,
      WebhookDeliveryRuns runs) {
    new WebhookDispatcher(runs, jdbi, config.webhooks.maxDeliveriesPerEvent);
    environment.jersey().register(new WebhookResource(new WebhookService(jdbi, new WebhookSecrets(box),
        guard(environment, config), config.webhooks.rotationGrace, config.webhooks.maxEndpointsPerTeam,
        Clock.systemUTC())));
  }

  /** What one delivery attempt does: sign, check the target, send, record. */
  public static WebhookDeliveryActivities attempts(Environment environment, Jdbi jdbi, SecretBox box,
      PaveConfiguration config) {
    return new DeliveryAttempts(jdbi, new WebhookSecrets(box),
        new WebhookSender(guard(environment, config), config.webhooks.attemptTimeout), config.publicUrl,
        Clock.systemUTC());
  }

  /** The worker's start and stop, and the sweep that starts every delivery still pending. */
  public static Managed deliveries(Managed worker, Jdbi jdbi, WebhookDeliveryRuns runs, WebhookSettings settings) {
    return new WebhookDeliveries(worker, new WebhookDispatcher(runs, jdbi, settings.maxDeliveriesPerEvent));
  }

  private static DeliveryTargetGuard guard(Environment environment, PaveConfiguration config) {
    boolean embeddedDefault = config.database.embedded() && config.temporal.embedded();
    return new DeliveryTargetGuard(config.webhooks.privateNetworksAllowed(embeddedDefault),
        AdminPorts.of(config, environment));
  }
}
