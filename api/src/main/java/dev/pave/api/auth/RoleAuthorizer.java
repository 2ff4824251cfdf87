package dev.pave.api.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** {@code @RolesAllowed("admin")} and friends; admin may do everything. */
public final class RoleAuthorizer implements Authorizer<PavePrincipal> {

  @Override
  public boolean authorize(PavePrincipal principal, String role, ContainerRequestContext context) {
    return principal.role() == Role.ADMIN || principal.role().wireName().equals(role);
  }
}
