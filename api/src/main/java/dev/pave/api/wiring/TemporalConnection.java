package dev.pave.api.wiring;

import dev.pave.api.config.TemporalSettings;
import dev.pave.api.embedded.EmbeddedTemporal;
import dev.pave.workflows.client.TemporalProvisioning;
import dev.pave.workflows.contract.Provisioning;
import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * The connection to Temporal: the embedded service in this JVM (the embedded default), or the
 * configured one. The API reaches it only through {@link #provisioning()}; the worker polls
 * through {@link #client()}.
 */
public final class TemporalConnection implements Managed {

  private final TemporalSettings settings;
  private EmbeddedTemporal embedded;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;

  public TemporalConnection(TemporalSettings settings) {
    this.settings = settings;
  }

  @Override
  public void start() {
    if (settings.embedded()) {
      embedded = new EmbeddedTemporal();
      stubs = embedded.stubs();
    } else {
      stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(settings.target).build());
    }
    client = WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(settings.namespace).build());
  }

  @Override
  public void stop() {
    if (embedded != null) {
      embedded.stop();
    } else if (stubs != null) {
      stubs.shutdown();
    }
  }

  public boolean embedded() {
    return settings.embedded();
  }

  public WorkflowClient client() {
    return client;
  }

  public Provisioning provisioning() {
    return new TemporalProvisioning(client);
  }
}
