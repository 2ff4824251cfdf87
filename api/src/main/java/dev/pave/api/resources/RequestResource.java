package dev.pave.api.resources;

import dev.pave.api.api.ApprovalBody;
import dev.pave.api.api.NewRequest;
import dev.pave.api.api.RequestView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.core.ApprovalService;
import dev.pave.api.core.RequestService;
import dev.pave.api.core.RequestHistory;
import dev.pave.api.errors.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

@Path("/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RequestResource {

  private static final int MAX_LIMIT = 500;

  private final RequestService requests;
  private final ApprovalService approvals;
  private final RequestHistory history;

  public RequestResource(RequestService requests, ApprovalService approvals, RequestHistory history) {
    this.requests = requests;
    this.approvals = approvals;
    this.history = history;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Auth PavePrincipal caller, @HeaderParam("Idempotency-Key") String idempotencyKey,
      NewRequest body) {
    RequestService.Accepted accepted = requests.create(caller, body, idempotencyKey);
    return Response.accepted(accepted.request())
        .location(URI.create("/v1/requests/" + accepted.request().id()))
        .header("Idempotent-Replayed", accepted.replayed() ? "true" : null)
        .build();
  }

  @GET
  @Path("/{id}")
  public RequestView get(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return requests.get(caller, id);
  }

  @GET
  public Map<String, List<RequestView>> list(@Auth PavePrincipal caller, @QueryParam("workspace") String workspace,
      @QueryParam("status") String status, @QueryParam("team") String team, @QueryParam("limit") String limit) {
    return Map.of("requests", requests.list(caller, workspace, status, team, limit(limit)));
  }

  @POST
  @Path("/{id}/cancel")
  public RequestView cancel(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return requests.cancel(caller, id);
  }

  @POST
  @Path("/{id}/approval")
  @Consumes(MediaType.APPLICATION_JSON)
  public RequestView decide(@Auth PavePrincipal caller, @PathParam("id") String id, ApprovalBody body) {
    return approvals.decide(caller, id, body);
  }

  @GET
  @Path("/{id}/history")
  public Response history(@Auth PavePrincipal caller, @PathParam("id") String id,
      @QueryParam("format") String format) {
    if (format != null && !format.equals("json") && !format.equals("timeline")) {
      throw ApiException.invalid("format", "must be json or timeline");
    }
    requests.get(caller, id); // 404 for another team's request, before Temporal is asked
    if ("timeline".equals(format)) {
      return Response.ok(Map.of("events", history.timeline(id)), MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(history.json(id), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static int limit(String value) {
    return dev.pave.api.core.Limits.parse(value, 50, MAX_LIMIT);
  }

}
