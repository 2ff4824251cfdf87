package dev.pave.api.session;

import dev.pave.api.errors.ApiError;
import dev.pave.api.errors.ApiError.FieldMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one check against cross-site requests (CSRF) for every browser POST of Pave: sign-in,
 * sign-out, and whatever the dashboard or the portal's pages post. A browser POST must come from
 * Pave's own origin: its {@code Origin} header must equal it, or, when a browser sends no
 * {@code Origin} or the opaque {@code Origin: null} (a page served with {@code Referrer-Policy:
 * no-referrer} posts that), its {@code Sec-Fetch-Site} must be {@code same-origin}; with neither it
 * is refused. Neither header can be set by a page's scripts.
 * Anything else gets 403 before any resource runs, so it changes nothing.
 *
 * <p>A browser POST is one that could ride on a browser's ambient credentials or open a session:
 * one that carries a session cookie, or a form body (the only kinds another site can post without
 * asking Pave first through CORS, which Pave never grants), and no bearer token (which browsers
 * never send on their own and no other site can set). API clients (a bearer token, JSON) are not
 * browsers acting for someone else and pass untouched.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class SameOriginPosts implements ContainerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  /** The body types an HTML form, or a "simple" cross-site fetch, can send without a CORS preflight. */
  private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
      "text/plain");

  private final ServerOrigin server;

  public SameOriginPosts(ServerOrigin server) {
    this.server = server;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE_METHODS.contains(request.getMethod()) || !fromABrowser(request)) {
      return;
    }
    String expected = server.expected(request.getUriInfo().getRequestUri());
    String origin = request.getHeaderString("Origin");
    if (origin != null && !origin.trim().equals("null")) {
      if (!origin.trim().equalsIgnoreCase(expected)) {
        refuse(request, "Origin", "must be " + expected + " (this page's own origin)");
      }
      return;
    }
    String site = request.getHeaderString("Sec-Fetch-Site");
    if (site == null) {
      refuse(request, "Origin", "must be " + expected + " on a browser POST (or Sec-Fetch-Site: same-origin)");
    } else if (!site.trim().equalsIgnoreCase("same-origin")) {
      refuse(request, "Sec-Fetch-Site", "must be same-origin");
    }
  }

  private static boolean fromABrowser(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false; // browsers never attach a bearer token on their own, and no other site can set one
    }
    boolean sessionCookie = request.getCookies().containsKey(SessionCookie.NAME)
        || request.getCookies().containsKey(SessionCookie.SECURE_NAME);
    return sessionCookie || isForm(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return FORM_TYPES.contains(type);
  }

  private static void refuse(ContainerRequestContext request, String field, String message) {
    request.abortWith(Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(403, "cross-site request refused: " + field + " " + message,
            List.of(new FieldMessage(field, message))))
        .build());
  }
}
