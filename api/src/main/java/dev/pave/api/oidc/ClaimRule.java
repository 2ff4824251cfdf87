package dev.pave.api.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.pave.api.auth.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/** A configured rule, compiled: every listed claim must be present and match its glob. */
record ClaimRule(int index, Map<String, ClaimGlob> claims, String team, Role role) {

  boolean matches(JWTClaimsSet token) {
    return claims.entrySet().stream().allMatch(claim -> claim.getValue().matches(text(token, claim.getKey())));
  }

  /** The values of this rule's claims in the token, for the audit trail (which repository, which ref). */
  Map<String, String> matchedValues(JWTClaimsSet token) {
    Map<String, String> values = new LinkedHashMap<>();
    claims.keySet().forEach(name -> values.put(name, text(token, name)));
    return values;
  }

  /**
   * A claim as text: strings as they are, numbers and booleans as written (GitLab sends some
   * flags as booleans); arrays and objects never match a glob.
   */
  static String text(JWTClaimsSet token, String name) {
    Object value = token.getClaim(name);
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }
}
