package dev.pave.api.portal;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.errors.ApiException;
import dev.pave.api.session.BrowserSignIn;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Function;

/**
 * What every portal page shares: the headers (a strict CSP: only Pave's own script and style
 * sheet), the session check (no session: the sign-in page), and the translation of the services'
 * refusals into an HTML page with the API's status, so a page answers exactly what the API would.
 */
final class PortalPages {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  private final BrowserSignIn signIn;

  PortalPages(BrowserSignIn signIn) {
    this.signIn = signIn;
  }

  /** Runs {@code page} for the session's caller; the sign-in page without one. */
  Response forCaller(HttpHeaders headers, UriInfo uri, Function<PavePrincipal, Response> page) {
    BrowserSignIn.Visit visit = signIn.visit(headers.getCookies(), uri.getRequestUri());
    if (visit.caller().isEmpty()) {
      // 200, as the dashboard's form: a 401 would need a WWW-Authenticate scheme, and a form is none.
      return html(200, SignInView.of(visit.sessionEnded() ? "Your session has ended; sign in again." : null))
          .cookie(visit.clearCookies()).build();
    }
    PavePrincipal caller = visit.caller().get();
    try {
      return page.apply(caller);
    } catch (ApiException refused) {
      // The same status and message as the API: another team's request is a 404 here too.
      return html(refused.code(), new PortalView("error.ftlh", "Error " + refused.code(), caller,
          new ErrorModel(refused.code(), refused.toError().message()))).build();
    }
  }

  public record ErrorModel(int code, String message) {}

  static Response.ResponseBuilder html(int status, PortalView view) {
    return Response.status(status).type("text/html; charset=utf-8").entity(view)
        .header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        // Not no-referrer: browsers then post "Origin: null", which the same-origin check refuses.
        .header("Referrer-Policy", "same-origin")
        .header("Cache-Control", "no-store");
  }

  static Response seeOther(String path) {
    return Response.seeOther(URI.create(path)).header("Cache-Control", "no-store").build();
  }
}
