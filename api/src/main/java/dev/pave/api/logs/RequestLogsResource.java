package dev.pave.api.logs;

import dev.pave.api.api.RequestLogsView;
import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "requests")
public class RequestLogsResource {

  private final RequestLogs logs;

  public RequestLogsResource(RequestLogs logs) {
    this.logs = logs;
  }

  @GET
  @Operation(operationId = "getRequestLogs", summary = "Terraform's output of each step of a request, secrets"
      + " masked",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The steps' output"))
  public RequestLogsView logs(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return logs.of(caller, id);
  }
}
