package dev.pave.api.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.api.WorkspaceList;
import dev.pave.api.api.WorkspaceView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.core.Limits;
import dev.pave.api.core.WorkspaceService;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

@Path("/v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "workspaces")
public class WorkspaceResource {

  private static final int MAX_LIMIT = 500;

  private final WorkspaceService workspaces;

  public WorkspaceResource(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  @GET
  @Operation(operationId = "listWorkspaces", summary = "Live workspaces of the caller's team (every team for"
      + " approvers, auditors, admins), by name; pages with limit and cursor",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The live workspaces"),
          @ApiResponse(responseCode = "422", ref = "Unprocessable")})
  public WorkspaceList list(@Auth PavePrincipal caller, @QueryParam("team") String team,
      @Parameter(description = "Page size; without it, every live workspace (the answer before paging existed)",
          schema = @Schema(type = "integer", minimum = "1", maximum = "500"))
      @QueryParam("limit") String limit,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
    // Without a limit, the whole list, as this call answered before it had pages: callers that read
    // it all keep working. A limit (or a cursor) asks for pages.
    if (limit == null && cursor == null) {
      return new WorkspaceList(workspaces.live(caller, team));
    }
    WorkspaceService.Page page = workspaces.live(caller, team, Limits.parse(limit, MAX_LIMIT, MAX_LIMIT), cursor);
    return new WorkspaceList(page.workspaces(), page.nextCursor());
  }

  @GET
  @Path("/{name}")
  @Operation(operationId = "getWorkspace", summary = "A workspace: module, inputs, outputs (sensitive ones"
      + " redacted), expiry, cost",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The workspace"))
  public WorkspaceView get(@Auth PavePrincipal caller, @PathParam("name") String name) {
    return workspaces.get(caller, name);
  }

  @GET
  @Path("/{name}/outputs")
  @Operation(operationId = "getWorkspaceOutputs", summary = "A workspace's outputs; reveal=true shows the"
      + " sensitive ones to the owning team (an audit event)",
      responses = {@ApiResponse(responseCode = "200", description = "The outputs by name",
          content = @Content(schema = @Schema(type = "object"))),
          @ApiResponse(responseCode = "403", ref = "Forbidden")})
  public ObjectNode outputs(@Auth PavePrincipal caller, @PathParam("name") String name,
      @Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
      @QueryParam("reveal") boolean reveal) {
    return workspaces.outputs(caller, name, reveal);
  }
}
