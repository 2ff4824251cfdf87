package dev.pave.api.auth;

import java.security.Principal;

/**
 * Who is calling: the token's id, name, team and role. The name is for display only (it is not
 * unique across teams); every "is this the same caller" check compares {@link #subject()}.
 */
public record PavePrincipal(String tokenId, String name, String team, Role role) implements Principal {

  @Override
  public String getName() {
    return name;
  }

  /** The caller's identity: the token's id today, an OIDC subject ({@code oidc:<issuer>#<sub>}) later. */
  public String subject() {
    return tokenId;
  }

  /**
   * Auditors, admins and approvers (who review any team's requests) see every team's requests
   * and workspaces; requesters only their own team's.
   */
  public boolean seesAllTeams() {
    return role != Role.REQUESTER;
  }

  public boolean canSee(String owningTeam) {
    return seesAllTeams() || team.equals(owningTeam);
  }
}
