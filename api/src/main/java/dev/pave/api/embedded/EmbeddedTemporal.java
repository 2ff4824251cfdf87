package dev.pave.api.embedded;

import io.dropwizard.lifecycle.Managed;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;

/**
 * The Temporal SDK's pure-Java service, in this JVM and in real time. It is reached through an
 * in-process channel, so no port is opened at all. It keeps its state in memory: Pave's own
 * tables are the source of truth and unfinished requests are resumed at start.
 */
public final class EmbeddedTemporal implements Managed {

  private final TestServer.InProcessTestServer server;
  private final WorkflowServiceStubs stubs;

  public EmbeddedTemporal() {
    // lockTimeSkipping = true: real time. Time skipping would fire approval timeouts at once.
    server = TestServer.createServer(true);
    stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setChannel(server.getChannel()).build());
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  @Override
  public void start() {}

  @Override
  public void stop() {
    stubs.shutdown();
    server.close();
  }
}
