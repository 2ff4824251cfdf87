package dev.pave.api.logs;

import dev.pave.api.core.RequestService;
import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires GET /v1/requests/{id}/logs. The activities write the logs (RequestLedger#recordStepOutput,
 * masked by SecretMask); this only reads them.
 */
public final class RequestLogsFeature {

  private RequestLogsFeature() {}

  /** Registers the endpoint; returns the service, for pages that show the same logs. */
  public static RequestLogs register(Environment environment, Jdbi jdbi, RequestService requests) {
    RequestLogs logs = new RequestLogs(jdbi, requests);
    environment.jersey().register(new RequestLogsResource(logs));
    return logs;
  }
}
