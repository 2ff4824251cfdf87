package dev.pave.api.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.api.ModuleView;
import dev.pave.api.core.RequestService;
import dev.pave.api.core.WorkspaceService;
import dev.pave.api.errors.ApiException;
import dev.pave.api.resources.ModuleResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * GET /catalog/{module}/new: the form generated from the module's input schema; POST: the request,
 * created by RequestService exactly as POST /v1/requests would (the same validation), then 303 to
 * its page. "Preview" posts {@code action: plan}: a speculative plan, whose request page is the preview.
 */
@Path("/catalog/{module}/new")
@Produces(MediaType.TEXT_HTML)
public class RequestFormResource {

  private static final Set<String> ACTIONS = Set.of("apply", "plan");

  private final PortalPages pages;
  private final ModuleResource modules;
  private final RequestService requests;
  private final ObjectMapper json;
  private final WorkspaceService workspaces;

  RequestFormResource(PortalPages pages, ModuleResource modules, RequestService requests, ObjectMapper json,
      WorkspaceService workspaces) {
    this.pages = pages;
    this.modules = modules;
    this.requests = requests;
    this.json = json;
    this.workspaces = workspaces;
  }

  /**
   * {@code ?preview=req_...}: back from a preview, the form holds its values (never sensitive ones).
   * {@code ?workspace=name}: a change to the caller's existing workspace, in its environment.
   */
  @GET
  public Response form(@PathParam("module") String name, @QueryParam("preview") String preview,
      @QueryParam("workspace") String workspace, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      ModuleView module = modules.get(caller, name, null);
      String key = UUID.randomUUID().toString();
      // Read as the caller: another team's preview is the API's 404, never its values.
      RequestForm form = preview == null || preview.isBlank() ? RequestForm.blank(module, key)
          : RequestForm.of(module, PreviewValues.of(requests.get(caller, preview), module), Map.of(), null, key);
      String existing = null;
      if (workspace != null && !workspace.isBlank()) {
        // Another team's workspace is the API's 404 here too: its environment is never shown.
        var view = workspaces.get(caller, workspace);
        Map<String, String> values = new java.util.HashMap<>(form.values());
        values.put("workspace", view.name());
        values.put("environment", view.environment());
        form = RequestForm.of(module, values, Map.of(), null, key);
        existing = view.environment();
      }
      return PortalPages.html(200, new PortalView("request-form.ftlh", "Request " + title(module), caller,
          form.withEnvironments(requests.environments().names(), existing))).build();
    });
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response submit(@PathParam("module") String name, MultivaluedMap<String, String> form,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      ModuleView module = modules.get(caller, name, null);
      String action = ACTIONS.contains(form.getFirst("action")) ? form.getFirst("action") : "apply";
      String key = form.getFirst("idempotencyKey");
      try {
        // The key makes a double click (or a resent form) one request, not two.
        String id = requests.create(caller, RequestForm.body(module, form, action, json),
            key == null || key.isBlank() ? null : action + ":" + key).request().id();
        return PortalPages.seeOther("/requests/" + id);
      } catch (ApiException refused) {
        if (refused.code() != 422) {
          throw refused;
        }
        return PortalPages.html(422, new PortalView("request-form.ftlh", "Request " + title(module), caller,
            RequestForm.refused(module, form, refused.toError(), key)
                .withEnvironments(requests.environments().names(), null))).build();
      }
    });
  }

  private static String title(ModuleView module) {
    return module.displayName() == null ? module.name() : module.displayName();
  }
}
