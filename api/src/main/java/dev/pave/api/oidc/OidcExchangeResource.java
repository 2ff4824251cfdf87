package dev.pave.api.oidc;

import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * POST /v1/auth/oidc: a pipeline's OIDC token in the body (no Authorization header: the token is
 * the credential being presented), a short-lived Pave token back. A refused token counts against
 * the address's failed-authentication limit, as a wrong bearer token does.
 */
@Path("/v1/auth/oidc")
@Produces(MediaType.APPLICATION_JSON)
public class OidcExchangeResource {

  private final OidcExchange exchange;
  private final FailedSignIns failedSignIns;

  OidcExchangeResource(OidcExchange exchange, FailedSignIns failedSignIns) {
    this.exchange = exchange;
    this.failedSignIns = failedSignIns;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response exchange(OidcExchangeBody body, @Context HttpServletRequest request) {
    String address = request.getRemoteAddr();
    failedSignIns.check(address);
    if (body == null || body.token() == null || body.token().isBlank()) {
      throw ApiException.invalid("token", "is required: the pipeline's OIDC token (a JWT)");
    }
    try {
      ExchangedToken issued = exchange.exchange(body.token().trim());
      return Response.ok(issued).header("Cache-Control", "no-store").build();
    } catch (OidcRefused e) {
      failedSignIns.recordFailure(address);
      throw e;
    }
  }
}
