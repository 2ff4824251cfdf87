package dev.pave.workflows.contract;

/**
 * The API's door to webhook deliveries' runs, as {@link Provisioning} is to requests': the api
 * module records a delivery and asks for its run here, without knowing Temporal.
 */
public interface WebhookDeliveryRuns {

  /**
   * Starts the run of one recorded delivery. A second start of a delivery that is on its way is
   * a no-op; a RuntimeException means the run could not be started now (the sweep will retry).
   */
  void start(String deliveryId);
}
