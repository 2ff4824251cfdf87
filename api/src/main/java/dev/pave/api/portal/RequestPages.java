package dev.pave.api.portal;

import dev.pave.api.api.RequestView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.core.RequestService;
import dev.pave.api.errors.ApiException;
import dev.pave.api.feedback.FeedbackBody;
import dev.pave.api.feedback.FeedbackService;
import dev.pave.api.feedback.FeedbackView;
import dev.pave.api.logs.RequestLogs;
import dev.pave.api.resources.ModuleResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team's requests ({@code /requests}), one request ({@code /requests/{id}}, with a fragment
 * htmx polls while it runs), cancel, and the "How was this?" form. Everything goes through
 * RequestService and FeedbackService with the session's caller: the API's rules, not copies.
 */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
public class RequestPages {

  private final PortalPages pages;
  private final RequestService requests;
  private final FeedbackService feedback;
  private final RequestLogs logs;
  private final ModuleResource modules;

  RequestPages(PortalPages pages, RequestService requests, FeedbackService feedback, RequestLogs logs,
      ModuleResource modules) {
    this.pages = pages;
    this.requests = requests;
    this.feedback = feedback;
    this.logs = logs;
    this.modules = modules;
  }

  /** A page of {@code /requests}: its rows, the filters it was asked with (to show them again) and the next page. */
  public record Listing(List<RequestView> requests, String team, String status, String workspace, String next) {}

  /** Newest first, {@link PageLink#SIZE} a page, with the API's filters (GET /v1/requests). */
  @GET
  public Response list(@QueryParam("team") String team, @QueryParam("status") String status,
      @QueryParam("workspace") String workspace, @QueryParam("cursor") String cursor, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      String t = PageLink.blank(team);
      String s = PageLink.blank(status);
      String w = PageLink.blank(workspace);
      RequestService.Page page = requests.page(caller, w, s, t, PageLink.SIZE, PageLink.blank(cursor));
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put("team", t);
      filters.put("status", s);
      filters.put("workspace", w);
      return PortalPages.html(200, new PortalView("requests.ftlh", "Requests", caller,
          new Listing(page.requests(), t, s, w, PageLink.next("/requests", filters, page.nextCursor())))).build();
    });
  }

  @GET
  @Path("{id}")
  public Response show(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> page(200, caller, id, null));
  }

  /** The live part of the page (status and steps), swapped in by htmx every 2 s while the request runs. */
  @GET
  @Path("{id}/live")
  public Response live(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      RequestPage model = model(caller, id, null);
      Response.ResponseBuilder fragment = PortalPages.html(200, new PortalView("request-live.ftlh", id, caller, model));
      // Once it has ended, the rest of the page changes too (outputs, no Cancel, "How was this?"):
      // htmx reloads it whole, once; the reloaded page of a finished request polls no more.
      return (model.terminal() ? fragment.header("HX-Refresh", "true") : fragment).build();
    });
  }

  @POST
  @Path("{id}/cancel")
  public Response cancel(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      requests.cancel(caller, id);
      return PortalPages.seeOther("/requests/" + id);
    });
  }

  @POST
  @Path("{id}/feedback")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response feedback(@PathParam("id") String id, @FormParam("score") String score,
      @FormParam("comment") String comment, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      try {
        feedback.record(caller, id, new FeedbackBody(parseScore(score), comment));
      } catch (ApiException refused) {
        if (refused.code() != 422) {
          throw refused;
        }
        return page(422, caller, id, refused.toError().errors().isEmpty() ? refused.getMessage()
            : refused.toError().errors().get(0).field() + " " + refused.toError().errors().get(0).message());
      }
      return PortalPages.seeOther("/requests/" + id);
    });
  }

  private Response page(int status, PavePrincipal caller, String id, String problem) {
    RequestPage model = model(caller, id, problem);
    return PortalPages.html(status, new PortalView("request.ftlh", "Request " + id, caller, model)).build();
  }

  private RequestPage model(PavePrincipal caller, String id, String problem) {
    RequestView request = requests.get(caller, id);
    FeedbackView given = feedback.find(id).orElse(null);
    // A preview's page submits the apply it previewed, with the module's current version.
    Map<String, String> preview = "plan".equals(request.action())
        ? PreviewValues.of(request, modules.get(caller, request.module(), null)) : null;
    return RequestPage.of(request, caller, requests.isRequester(caller, id), given, problem,
        logs.of(caller, id).steps(), preview);
  }

  /** A radio left unchecked sends nothing: the service then names the field. */
  private static Integer parseScore(String score) {
    try {
      return score == null || score.isBlank() ? null : Integer.valueOf(score.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("score", "must be from 1 to 5");
    }
  }
}
