package dev.pave.workflows.webhooks;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The one side effect of a delivery: an HTTP attempt, recorded in the delivery log. */
@ActivityInterface
public interface WebhookDeliveryActivities {

  /**
   * Sends the delivery once (unless it is no longer pending) and records the attempt. A receiver's
   * failure is a result, not an exception: the workflow's schedule, not Temporal's retry policy,
   * decides when to try again. On the {@code maxAttempts}-th failure the delivery is marked failed.
   */
  @ActivityMethod
  AttemptResult attempt(String deliveryId, int maxAttempts);
}
