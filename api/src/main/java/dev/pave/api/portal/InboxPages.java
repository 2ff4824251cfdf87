package dev.pave.api.portal;

import dev.pave.api.api.ApprovalBody;
import dev.pave.api.api.RequestView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import dev.pave.api.core.ApprovalService;
import dev.pave.api.core.RequestService;
import dev.pave.api.errors.ApiException;
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
 * The approver's inbox: every request awaiting approval with what an approver weighs (plan,
 * policies, cost, who asked and when), and approve/reject bound to the plan reviewed (its hash in
 * a hidden field). ApprovalService decides, as for POST /v1/requests/{id}/approval: never one's own.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPages {

  private final PortalPages pages;
  private final RequestService requests;
  private final ApprovalService approvals;

  InboxPages(PortalPages pages, RequestService requests, ApprovalService approvals) {
    this.pages = pages;
    this.requests = requests;
    this.approvals = approvals;
  }

  public record Item(RequestView request, boolean own) {}

  public record Inbox(List<Item> items, String problem, boolean decides, String team, String next) {}

  /**
   * Newest first, as every list of the API. Each waiting request is shown whole (plan, changes,
   * policies), a few reads apiece, so a page holds fewer of them than a plain list does.
   */
  static final int SIZE = 20;

  @GET
  public Response inbox(@QueryParam("team") String team, @QueryParam("cursor") String cursor,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> page(200, caller, null, PageLink.blank(team),
        PageLink.blank(cursor)));
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response decide(@PathParam("id") String id, @FormParam("decision") String decision,
      @FormParam("comment") String comment, @FormParam("planSha256") String planSha256,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      try {
        approvals.decide(caller, id, new ApprovalBody(decision, comment == null || comment.isBlank() ? null : comment,
            planSha256 == null || planSha256.isBlank() ? null : planSha256));
      } catch (ApiException refused) {
        if (refused.code() == 404) {
          throw refused;
        }
        return page(refused.code(), caller, refused.toError().message(), null, null);
      }
      return PortalPages.seeOther("/requests/" + id);
    });
  }

  private Response page(int status, PavePrincipal caller, String problem, String team, String cursor) {
    RequestService.FullPage waiting = requests.fullPage(caller, null, "awaiting_approval", team, SIZE, cursor);
    List<Item> items = waiting.requests().stream()
        .map(request -> new Item(request, waiting.askedByCaller().contains(request.id())))
        .toList();
    boolean decides = caller.role() == Role.APPROVER || caller.role() == Role.ADMIN;
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("team", team);
    return PortalPages.html(status, new PortalView("inbox.ftlh", "Inbox", caller, new Inbox(items, problem, decides,
        team, PageLink.next("/inbox", filters, waiting.nextCursor())))).build();
  }
}
