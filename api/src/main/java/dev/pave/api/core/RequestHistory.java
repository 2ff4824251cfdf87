package dev.pave.api.core;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import dev.pave.api.errors.ApiException;

/**
 * The Temporal workflow history of a request, as JSON events, for auditors. The embedded
 * Temporal forgets histories on restart; Pave's own step records do not.
 */
public final class RequestHistory {

  private final WorkflowClient client;

  public RequestHistory(WorkflowClient client) {
    this.client = client;
  }

  public String json(String requestId) {
    try {
      return client.fetchHistory(requestId).toJson(true);
    } catch (WorkflowNotFoundException | io.grpc.StatusRuntimeException gone) {
      throw new ApiException(404, "the workflow history of " + requestId
          + " is no longer held by Temporal (the embedded service keeps it in memory until restart)");
    }
  }
}
