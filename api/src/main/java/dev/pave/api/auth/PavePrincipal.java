package dev.pave.api.auth;

import java.security.Principal;

/** Who is calling: the token's name, team and role. */
public record PavePrincipal(String tokenId, String name, String team, Role role) implements Principal {

  @Override
  public String getName() {
    return name;
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
