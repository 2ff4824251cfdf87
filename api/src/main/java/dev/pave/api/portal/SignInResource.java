package dev.pave.api.portal;

import dev.pave.api.session.BrowserSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * POST /session: the portal's sign-in form (the dashboard's sign-in, {@link BrowserSignIn});
 * POST /session/end: sign-out. Cross-site posts never get here ({@link dev.pave.api.session.SameOriginPosts}).
 */
@Path("/session")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

  private final BrowserSignIn signIn;

  SignInResource(BrowserSignIn signIn) {
    this.signIn = signIn;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@FormParam("token") String token, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context HttpServletRequest request) {
    BrowserSignIn.Outcome outcome = signIn.signIn(token, headers.getCookies(), uri.getRequestUri(),
        request.getRemoteAddr());
    if (outcome instanceof BrowserSignIn.Outcome.TooMany tooMany) {
      return PortalPages.html(429, SignInView.of("Too many failed sign-ins from your address; try again in "
          + tooMany.retryAfterSeconds() + " s.")).header("Retry-After", tooMany.retryAfterSeconds()).build();
    }
    if (outcome instanceof BrowserSignIn.Outcome.SignedIn signedIn) {
      return Response.seeOther(URI.create("/")).cookie(signedIn.cookies()).header("Cache-Control", "no-store")
          .build();
    }
    return PortalPages.html(401, SignInView.of("That token is not valid (unknown, revoked or expired).")).build();
  }

  @POST
  @Path("end")
  public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
    return Response.seeOther(URI.create("/")).cookie(signIn.signOut(headers.getCookies(), uri.getRequestUri()))
        .header("Cache-Control", "no-store").build();
  }
}
