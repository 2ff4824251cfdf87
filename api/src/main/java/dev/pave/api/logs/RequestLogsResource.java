package dev.pave.api.logs;

import dev.pave.api.api.RequestLogsView;
import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /v1/requests/{id}/logs: Terraform's output per step of a request. */
@Path("/v1/requests/{id}/logs")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RequestLogsResource {

  private final RequestLogs logs;

  public RequestLogsResource(RequestLogs logs) {
    this.logs = logs;
  }

  @GET
  public RequestLogsView logs(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return logs.of(caller, id);
  }
}
