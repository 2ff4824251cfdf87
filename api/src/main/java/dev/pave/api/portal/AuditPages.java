package dev.pave.api.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.api.RequestView;
import dev.pave.api.audit.AuditTrail;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import dev.pave.api.core.HistoryTimeline;
import dev.pave.api.core.RequestHistory;
import dev.pave.api.core.RequestService;
import dev.pave.api.core.ServedHistory;
import dev.pave.api.errors.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The auditor's view, read-only: the audit trail ({@code /audit}, AuditTrail's filters and cursor
 * paging, as GET /v1/audit) and a request's full record ({@code /audit/requests/{id}}: steps,
 * policies, decision, and RequestHistory's timeline, as GET /v1/requests/{id}/history?format=timeline).
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

  private final PortalPages pages;
  private final AuditTrail trail;
  private final RequestService requests;
  private final RequestHistory history;

  AuditPages(PortalPages pages, AuditTrail trail, RequestService requests, RequestHistory history) {
    this.pages = pages;
    this.trail = trail;
    this.requests = requests;
    this.history = history;
  }

  public record Event(long seq, String at, String actor, String action, String target, String details) {}

  public record Trail(List<Event> events, String nextCursor, AuditTrail.Filter filter, String query) {}

  /** @param historyCheck what the history shown is, and whether the audit trail vouches for it */
  public record Record(RequestView request, List<HistoryTimeline.Entry> timeline, String historyCheck) {}

  @GET
  public Response trail(@QueryParam("since") String since, @QueryParam("until") String until,
      @QueryParam("actor") String actor, @QueryParam("team") String team, @QueryParam("action") String action,
      @QueryParam("target") String target, @QueryParam("cursor") String cursor, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      mayRead(caller);
      AuditTrail.Filter filter = new AuditTrail.Filter(blank(since), blank(until), blank(actor), blank(team),
          blank(action), blank(target), "50", blank(cursor));
      AuditTrail.Page page = trail.list(filter);
      List<Event> events = page.events().stream().map(AuditPages::event).toList();
      String query = uri.getRequestUri().getRawQuery() == null ? ""
          : uri.getRequestUri().getRawQuery().replaceAll("(^|&)cursor=[^&]*", "");
      return PortalPages.html(200, new PortalView("audit.ftlh", "Audit", caller,
          new Trail(events, page.nextCursor(), filter, query.isEmpty() || query.startsWith("&") ? query : "&" + query)))
          .build();
    });
  }

  @GET
  @Path("requests/{id}")
  public Response record(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      mayRead(caller);
      RequestView request = requests.get(caller, id);
      ServedHistory served = history.serve(id);
      List<HistoryTimeline.Entry> timeline = served.disowned() ? List.of() : history.timeline(served);
      return PortalPages.html(200, new PortalView("audit-request.ftlh", "Record of " + id, caller,
          new Record(request, timeline, served.verdict()))).build();
    });
  }

  /** The audit trail's readers, as GET /v1/audit's @RolesAllowed({"auditor", "admin"}). */
  private static void mayRead(PavePrincipal caller) {
    if (caller.role() != Role.AUDITOR && caller.role() != Role.ADMIN) {
      throw new ApiException(403, "only auditors and admins read the audit trail");
    }
  }

  private static Event event(JsonNode e) {
    JsonNode actor = e.path("actor");
    return new Event(e.path("seq").asLong(), e.path("at").asText(), actor.path("name").asText()
        + " (" + actor.path("team").asText() + ", " + actor.path("role").asText() + ")", e.path("action").asText(),
        e.path("target").asText(), e.path("details").toString());
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
