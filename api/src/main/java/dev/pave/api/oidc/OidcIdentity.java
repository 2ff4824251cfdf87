package dev.pave.api.oidc;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import java.time.Instant;
import java.util.Map;

/**
 * A pipeline, as a verified OIDC token and the rule that mapped it describe it. The subject,
 * {@code oidc:<issuer>#<sub>}, is its identity everywhere; the name is for people to read.
 */
record OidcIdentity(String subject, String name, String team, Role role, String issuer, int rule,
    Map<String, String> matchedClaims, Instant tokenExpiresAt, String jwtId) {

  static String subjectOf(String issuer, String sub) {
    return "oidc:" + issuer + "#" + sub;
  }

  /** The caller; {@code tokenId} is the exchanged Pave token's id, or null when the JWT itself was presented. */
  PavePrincipal principal(String tokenId) {
    return new PavePrincipal(tokenId, name, team, role, subject);
  }

  /** What the audit trail keeps of a sign-in: never the token, only what it proved. */
  Map<String, Object> auditDetails() {
    return Map.of("issuer", issuer, "rule", rule, "claims", matchedClaims,
        "tokenExpiresAt", tokenExpiresAt.toString(), "jwtId", jwtId == null ? "" : jwtId);
  }
}
