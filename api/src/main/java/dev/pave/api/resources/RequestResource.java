package dev.pave.api.resources;

import dev.pave.api.api.ApprovalBody;
import dev.pave.api.api.HistoryCheckView;
import dev.pave.api.api.NewRequest;
import dev.pave.api.api.RequestList;
import dev.pave.api.api.RequestView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.core.ApprovalService;
import dev.pave.api.core.RequestHistory;
import dev.pave.api.core.RequestService;
import dev.pave.api.core.ServedHistory;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.contract.RequestStatus;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.Map;

@Path("/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "requests")
public class RequestResource {

  private static final int MAX_LIMIT = 500;
  static final String HEADER_ARCHIVED = "Pave-History-Archived";
  static final String HEADER_COMPLETE = "Pave-History-Complete";
  static final String HEADER_VERIFIED = "Pave-History-Verified";
  static final String HEADER_SHA256 = "Pave-History-Sha256";

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
  @Operation(operationId = "createRequest", summary = "Ask for infrastructure: apply or destroy a catalog module",
      responses = {
          @ApiResponse(responseCode = "202", description = "Accepted; the same answer again for a retry with the"
              + " same Idempotency-Key", content = @Content(schema = @Schema(implementation = RequestView.class)),
              headers = {
                  @Header(name = "Location", description = "/v1/requests/{id}", required = true,
                      schema = @Schema(type = "string", format = "uri-reference")),
                  @Header(name = "Idempotent-Replayed", description = "true when this answers a retry",
                      schema = @Schema(type = "string", allowableValues = "true"))}),
          @ApiResponse(responseCode = "403", ref = "Forbidden"),
          @ApiResponse(responseCode = "409", ref = "Conflict"),
          @ApiResponse(responseCode = "503", ref = "Unavailable")})
  public Response create(@Auth PavePrincipal caller,
      @Parameter(description = "makes a retry safe: the same key and body answer the first request")
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      NewRequest body) {
    RequestService.Accepted accepted = requests.create(caller, body, idempotencyKey);
    return Response.accepted(accepted.request())
        .location(URI.create("/v1/requests/" + accepted.request().id()))
        .header("Idempotent-Replayed", accepted.replayed() ? "true" : null)
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getRequest", summary = "A request: status, steps, policies, plan, cost, outputs",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The request"))
  public RequestView get(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return requests.get(caller, id);
  }

  @GET
  @Operation(operationId = "listRequests", summary = "Requests of the caller's team (every team for approvers,"
      + " auditors, admins), newest first",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The requests"),
          @ApiResponse(responseCode = "422", ref = "Unprocessable")})
  public RequestList list(@Auth PavePrincipal caller, @QueryParam("workspace") String workspace,
      @Parameter(description = "a status, as the API writes it", schema = @Schema(implementation = RequestStatus.class))
      @QueryParam("status") String status, @QueryParam("team") String team,
      @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
      @QueryParam("limit") String limit,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
    RequestService.Page page = requests.page(caller, workspace, status, team, limit(limit), cursor);
    return new RequestList(page.requests(), page.nextCursor());
  }

  @POST
  @Path("/{id}/cancel")
  @Operation(operationId = "cancelRequest", summary = "Cancel a request that has not finished",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The request, cancelled or being cancelled"),
          @ApiResponse(responseCode = "403", ref = "Forbidden"),
          @ApiResponse(responseCode = "409", ref = "Conflict")})
  public RequestView cancel(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return requests.cancel(caller, id);
  }

  @POST
  @Path("/{id}/approval")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "decideApproval", summary = "Approve or reject the saved plan of a request awaiting"
      + " approval",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The request after the decision"),
          @ApiResponse(responseCode = "403", ref = "Forbidden"),
          @ApiResponse(responseCode = "409", ref = "Conflict")})
  public RequestView decide(@Auth PavePrincipal caller, @PathParam("id") String id, ApprovalBody body) {
    return approvals.decide(caller, id, body);
  }

  @GET
  @Path("/{id}/history")
  @Operation(operationId = "getRequestHistory", summary = "The request's workflow history: Temporal's JSON, or"
      + " a readable timeline, with whether the audit trail vouches for it",
      responses = {@ApiResponse(responseCode = "200", description = "format=json: Temporal's history as JSON,"
          + " described by the Pave-History-* headers; format=timeline: {archived, complete, verified, sha256,"
          + " trailSha256, events: [{time, event, activity, actor, outcome}]}. An archived copy whose hash is not"
          + " the one the audit trail recorded is not served: either format answers {archived, complete,"
          + " verified: false, sha256, trailSha256, problem}",
          headers = {@Header(name = HEADER_ARCHIVED, description = "false: Temporal's live copy, not archived yet",
                  schema = @Schema(type = "boolean")),
              @Header(name = HEADER_COMPLETE, description = "false: the snapshot taken before the request ended,"
                  + " without the workflow's closing events", schema = @Schema(type = "boolean")),
              @Header(name = HEADER_VERIFIED, description = "archived copies: it is the text whose hash the audit"
                  + " trail recorded", schema = @Schema(type = "boolean")),
              @Header(name = HEADER_SHA256, description = "archived copies: the hash it matched, as on the trail",
                  schema = @Schema(type = "string"))},
          content = @Content(schema = @Schema(type = "object"))),
          @ApiResponse(responseCode = "422", ref = "Unprocessable")})
  public Response history(@Auth PavePrincipal caller, @PathParam("id") String id,
      @Parameter(schema = @Schema(type = "string", allowableValues = {"json", "timeline"}, defaultValue = "json"))
      @QueryParam("format") String format) {
    if (format != null && !format.equals("json") && !format.equals("timeline")) {
      throw ApiException.invalid("format", "must be json or timeline");
    }
    requests.get(caller, id); // 404 for another team's request, before Temporal is asked
    ServedHistory served = history.serve(id);
    if (served.disowned()) {
      return Response.ok(HistoryCheckView.disowned(served), MediaType.APPLICATION_JSON_TYPE).build();
    }
    if ("timeline".equals(format)) {
      return Response.ok(HistoryCheckView.timeline(served, history.timeline(served)), MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    Response.ResponseBuilder ok = Response.ok(served.json(), MediaType.APPLICATION_JSON_TYPE)
        .header(HEADER_ARCHIVED, served.archived()).header(HEADER_COMPLETE, served.complete());
    if (served.archived()) {
      ok.header(HEADER_VERIFIED, served.verified()).header(HEADER_SHA256, served.trailSha256());
    }
    return ok.build();
  }

  private static int limit(String value) {
    return dev.pave.api.core.Limits.parse(value, 50, MAX_LIMIT);
  }

}
