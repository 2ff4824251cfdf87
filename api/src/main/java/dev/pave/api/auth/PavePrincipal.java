package dev.pave.api.auth;

import java.security.Principal;
import java.util.Objects;

/**
 * Who is calling: the token's id, name, team, role and subject. The name is for display only (it
 * is not unique across teams); every "is this the same caller" check compares {@link #subject()}:
 * a token's id, or a pipeline's OIDC subject ({@code oidc:<issuer>#<sub>}) whether it presents
 * its OIDC token or a Pave token exchanged for one. {@code tokenId} is the Pave token presented,
 * null when a pipeline presented its OIDC token itself.
 */
public record PavePrincipal(String tokenId, String name, String team, Role role, String subject) implements Principal {

  public PavePrincipal {
    Objects.requireNonNull(subject, "subject");
  }

  /** A caller by an issued API token: its subject is the token's id. */
  public PavePrincipal(String tokenId, String name, String team, Role role) {
    this(tokenId, name, team, role, tokenId);
  }

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
