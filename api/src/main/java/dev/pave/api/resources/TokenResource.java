package dev.pave.api.resources;

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
public class TokenResource {

  private final TokenService tokens;

  public TokenResource(TokenService tokens) {
    this.tokens = tokens;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issue(@Auth PavePrincipal caller, NewToken body) {
    return Response.status(201).entity(tokens.issue(caller, body)).build();
  }

  @DELETE
  @Path("/{id}")
  public Response revoke(@Auth PavePrincipal caller, @PathParam("id") String id) {
    tokens.revoke(caller, id);
    return Response.noContent().build();
  }
}
