package dev.pave.api.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.api.WorkspaceView;
import dev.pave.api.auth.PavePrincipal;
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
public class WorkspaceResource {

  private final WorkspaceService workspaces;

  public WorkspaceResource(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  @GET
  public Map<String, List<WorkspaceView>> list(@Auth PavePrincipal caller) {
    return Map.of("workspaces", workspaces.live(caller));
  }

  @GET
  @Path("/{name}")
  public WorkspaceView get(@Auth PavePrincipal caller, @PathParam("name") String name) {
    return workspaces.get(caller, name);
  }

  @GET
  @Path("/{name}/outputs")
  public ObjectNode outputs(@Auth PavePrincipal caller, @PathParam("name") String name,
      @QueryParam("reveal") boolean reveal) {
    return workspaces.outputs(caller, name, reveal);
  }
}
