package dev.pave.api.oidc;

import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** POST /v1/auth/oidc/revoke: an admin ends every Pave token exchanged for one pipeline's subject. */
@Path("/v1/auth/oidc/revoke")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "auth")
public class OidcRevokeResource {

  private final SubjectRevocation revocation;

  OidcRevokeResource(SubjectRevocation revocation) {
    this.revocation = revocation;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "revokeOidcSubject", summary = "Revoke every Pave token exchanged for one OIDC subject,"
      + " and the browser sessions they opened (admins; audited as oidc.subject_revoked)",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true,
          description = "How many tokens and sessions ended (0 when none was live)"),
          @ApiResponse(responseCode = "422", ref = "Unprocessable")})
  public SubjectRevoked revoke(@Auth PavePrincipal caller, OidcRevokeBody body) {
    return revocation.revokeAll(caller, body);
  }
}
