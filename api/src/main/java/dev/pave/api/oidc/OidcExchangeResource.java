package dev.pave.api.oidc;

import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "auth")
public class OidcExchangeResource {

  private final OidcExchange exchange;
  private final FailedSignIns failedSignIns;

  OidcExchangeResource(OidcExchange exchange, FailedSignIns failedSignIns) {
    this.exchange = exchange;
    this.failedSignIns = failedSignIns;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  // No bearer token (security: [] follows from the code), so the 401 and 429 of a refused OIDC token are said here.
  @Operation(operationId = "exchangeOidcToken", summary = "Exchange a pipeline's OIDC token for a short-lived"
      + " Pave token",
      responses = {
          @ApiResponse(responseCode = "200", description = "The Pave token, shown this once",
              content = @Content(schema = @Schema(implementation = ExchangedToken.class)),
              headers = @Header(name = "Cache-Control", description = "no-store: the answer holds a credential",
                  required = true, schema = @Schema(type = "string"))),
          @ApiResponse(responseCode = "401", ref = "Unauthorized"), // a refused OIDC token; the message says why
          @ApiResponse(responseCode = "429", ref = "TooManyRequests"),
          @ApiResponse(responseCode = "503", ref = "Unavailable")})
  public Response exchange(OidcExchangeBody body, @Context HttpServletRequest request) {
    if (body == null || body.token() == null || body.token().isBlank()) {
      throw ApiException.invalid("token", "is required: the pipeline's OIDC token (a JWT)");
    }
    try {
      ExchangedToken issued = exchange.exchange(body.token().trim());
      return Response.ok(issued).header("Cache-Control", "no-store").build();
    } catch (OidcRefused e) {
      // Checked first, counted after: a valid token is exchanged whatever others' failures from this address.
      failedSignIns.countFailureOrRefuse(request.getRemoteAddr());
      throw e;
    }
  }
}
