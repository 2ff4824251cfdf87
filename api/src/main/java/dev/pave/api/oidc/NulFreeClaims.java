package dev.pave.api.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.Map;

/**
 * No claim of an accepted token carries a NUL character: claims become subjects, names, audit
 * details and token rows, and PostgreSQL refuses a NUL in text (that was a 500). An issuer signs
 * whatever a pipeline's author puts in a branch or workflow name, so this is checked, not assumed.
 */
final class NulFreeClaims {

  private NulFreeClaims() {}

  /** Throws {@link OidcRefused} naming the first claim that carries a NUL. */
  static void check(JWTClaimsSet claims) {
    for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
      if (claim.getKey().indexOf('\0') >= 0 || carriesNul(claim.getValue())) {
        throw new OidcRefused("claim " + TrustedIssuer.quoted(claim.getKey().replace('\0', ' '))
            + " contains a NUL character");
      }
    }
  }

  private static boolean carriesNul(Object value) {
    if (value instanceof String text) {
      return text.indexOf('\0') >= 0;
    }
    if (value instanceof Collection<?> values) {
      return values.stream().anyMatch(NulFreeClaims::carriesNul);
    }
    if (value instanceof Map<?, ?> map) {
      return map.keySet().stream().anyMatch(NulFreeClaims::carriesNul)
          || map.values().stream().anyMatch(NulFreeClaims::carriesNul);
    }
    return false;
  }
}
