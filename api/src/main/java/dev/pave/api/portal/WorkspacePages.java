package dev.pave.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.api.NewRequest;
import dev.pave.api.api.WorkspaceView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.core.RequestService;
import dev.pave.api.core.RequestViews;
import dev.pave.api.core.WorkspaceService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team's workspaces ({@code /workspaces}) and one workspace ({@code /workspaces/{name}}):
 * status, version, expiry, cost, outputs. Revealing sensitive outputs is a POST (never a URL a
 * browser keeps), answered once with {@code no-store}, decided and audited by WorkspaceService as
 * for GET /v1/workspaces/{name}/outputs?reveal=true. Destroy asks for confirmation, then creates
 * the destroy request through RequestService.
 */
@Path("/workspaces")
@Produces(MediaType.TEXT_HTML)
public class WorkspacePages {

  private final PortalPages pages;
  private final WorkspaceService workspaces;
  private final RequestService requests;

  WorkspacePages(PortalPages pages, WorkspaceService workspaces, RequestService requests) {
    this.pages = pages;
    this.workspaces = workspaces;
    this.requests = requests;
  }

  public record Output(String name, String value, boolean sensitive) {}

  public record WorkspacePage(WorkspaceView workspace, List<Output> outputs, boolean revealed, boolean ownTeam,
      boolean confirmDestroy) {}

  /** A page of {@code /workspaces}: its rows, the team filter it was asked with, and the next page. */
  public record Listing(List<WorkspaceView> workspaces, String team, String next) {}

  /** By name, {@link PageLink#SIZE} a page (GET /v1/workspaces?limit=...): a reviewer sees every team's. */
  @GET
  public Response list(@QueryParam("team") String team, @QueryParam("cursor") String cursor,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      String t = PageLink.blank(team);
      WorkspaceService.Page page = workspaces.live(caller, t, PageLink.SIZE, PageLink.blank(cursor));
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put("team", t);
      return PortalPages.html(200, new PortalView("workspaces.ftlh", "Workspaces", caller,
          new Listing(page.workspaces(), t, PageLink.next("/workspaces", filters, page.nextCursor())))).build();
    });
  }

  @GET
  @Path("{name}")
  public Response show(@PathParam("name") String name, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> page(caller, name, false, false));
  }

  @POST
  @Path("{name}/reveal")
  public Response reveal(@PathParam("name") String name, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> page(caller, name, true, false));
  }

  @GET
  @Path("{name}/destroy")
  public Response confirmDestroy(@PathParam("name") String name, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> page(caller, name, false, true));
  }

  @POST
  @Path("{name}/destroy")
  public Response destroy(@PathParam("name") String name, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      WorkspaceView workspace = workspaces.get(caller, name);
      String id = requests.create(caller, new NewRequest(workspace.module(), null, name, workspace.environment(),
          "destroy", null, null), null).request().id();
      return PortalPages.seeOther("/requests/" + id);
    });
  }

  private Response page(PavePrincipal caller, String name, boolean reveal, boolean confirmDestroy) {
    WorkspaceView workspace = workspaces.get(caller, name);
    JsonNode shown = workspaces.outputs(caller, name, reveal);
    JsonNode redacted = reveal ? workspace.outputs() : shown;
    List<Output> outputs = new ArrayList<>();
    if (shown != null) {
      for (Map.Entry<String, JsonNode> e : shown.properties()) {
        JsonNode plain = redacted == null ? null : redacted.get(e.getKey());
        boolean sensitive = plain != null && !plain.equals(e.getValue()) || isRedacted(e.getValue());
        outputs.add(new Output(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString(),
            sensitive));
      }
    }
    return PortalPages.html(200, new PortalView("workspace.ftlh", "Workspace " + name, caller,
        new WorkspacePage(workspace, outputs, reveal, caller.team().equals(workspace.team()), confirmDestroy)))
        .build();
  }

  private static boolean isRedacted(JsonNode value) {
    return value.isTextual() && value.asText().equals(RequestViews.REDACTED);
  }
}
