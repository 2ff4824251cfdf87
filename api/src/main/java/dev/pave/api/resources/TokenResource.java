package dev.pave.api.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.pave.api.api.IssuedToken;
import dev.pave.api.api.NewToken;
import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
import dev.pave.api.core.TokenService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "tokens")
public class TokenResource {

  private final TokenService tokens;

  public TokenResource(TokenService tokens) {
    this.tokens = tokens;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "issueToken", summary = "Issue an API token with a team and a role (admins)",
      responses = {@ApiResponse(responseCode = "201", description = "The token, shown this once",
          content = @Content(schema = @Schema(implementation = IssuedToken.class))),
          @ApiResponse(responseCode = "409", ref = "Conflict")})
  public Response issue(@Auth PavePrincipal caller, NewToken body) {
    return Response.status(201).entity(tokens.issue(caller, body)).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(operationId = "revokeToken", summary = "Revoke a token (admins)",
      responses = @ApiResponse(responseCode = "204", description = "Revoked"))
  public Response revoke(@Auth PavePrincipal caller, @PathParam("id") String id) {
    tokens.revoke(caller, id);
    return Response.noContent().build();
  }
}
