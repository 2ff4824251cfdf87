package dev.pave.api.logs;

import dev.pave.api.core.RequestService;
import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires GET /v1/requests/{id}/logs. The activities write the logs (RequestLedger#recordStepOutput,
 * masked by SecretMask); this only reads them, through the request's own authorization.
 */
public final class RequestLogsFeature {

  private RequestLogsFeature() {}

  public static void register(Environment environment, Jdbi jdbi, RequestService requests) {
    environment.jersey().register(new RequestLogsResource(jdbi, requests));
  }
}
