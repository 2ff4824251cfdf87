package dev.pave.api.logs;

import dev.pave.api.api.RequestLogsView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.core.RequestService;
import dev.pave.api.db.StepLogDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jdbi.v3.core.Jdbi;

/** Terraform's output per step of a request, for whoever may read the request itself. */
@Path("/v1/requests/{id}/logs")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RequestLogsResource {

  private final Jdbi jdbi;
  private final RequestService requests;

  public RequestLogsResource(Jdbi jdbi, RequestService requests) {
    this.jdbi = jdbi;
    this.requests = requests;
  }

  @GET
  public RequestLogsView logs(@Auth PavePrincipal caller, @PathParam("id") String id) {
    // The request's own authorization, not a second one: another team's request is a 404 here too.
    String requestId = requests.get(caller, id).id();
    return new RequestLogsView(requestId, jdbi.onDemand(StepLogDao.class).forRequest(requestId));
  }
}
