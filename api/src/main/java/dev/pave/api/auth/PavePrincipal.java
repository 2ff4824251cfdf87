package dev.pave.api.auth;

import java.security.Principal;

/** Who is calling: the token's name, team and role. */
public record PavePrincipal(String tokenId, String name, String team, Role role) implements Principal {

  @Override
  public String getName() {
    return name;
  }

  /** Auditors and admins see every team's requests and workspaces; others only their own team's. */
  public boolean seesAllTeams() {
    return role == Role.ADMIN || role == Role.AUDITOR;
  }

  public boolean canSee(String owningTeam) {
    return seesAllTeams() || team.equals(owningTeam);
  }
}
