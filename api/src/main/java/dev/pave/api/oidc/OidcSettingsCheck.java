package dev.pave.api.oidc;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import dev.pave.api.auth.Role;
import dev.pave.api.config.OidcIssuerSettings;
import dev.pave.api.config.OidcRuleSettings;
import dev.pave.api.config.OidcSettings;
import dev.pave.api.core.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code oidc} block, checked and compiled before anything starts: a mistake here (an unknown
 * role, an issuer without rules, a rule that matches every token, keys over plain http) would let
 * strangers in or shut pipelines out, so Pave refuses to start and names the key.
 */
public final class OidcSettingsCheck {

  static final Duration SHORTEST_EXCHANGED = Duration.ofMinutes(1);
  static final Duration LONGEST_EXCHANGED = Duration.ofHours(12);
  /** Discovery documents and key sets are a few KB; anything far larger is not one. */
  private static final int MAX_DOCUMENT_BYTES = 256 * 1024;

  private OidcSettingsCheck() {}

  /** Throws IllegalStateException naming the first bad key. */
  public static OidcVerifier verifier(OidcSettings settings) {
    if (settings == null) {
      return new OidcVerifier(List.of());
    }
    Duration lifetime = settings.exchangedTokenLifetime;
    if (lifetime == null || lifetime.compareTo(SHORTEST_EXCHANGED) < 0 || lifetime.compareTo(LONGEST_EXCHANGED) > 0) {
      throw refused("oidc.exchangedTokenLifetime", "must be from PT1M to PT12H, not " + lifetime);
    }
    Duration timeout = settings.fetchTimeout;
    if (timeout == null || timeout.toMillis() < 100 || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
      throw refused("oidc.fetchTimeout", "must be from PT0.1S to PT30S, not " + timeout);
    }
    int millis = Math.toIntExact(timeout.toMillis());
    ResourceRetriever http = new DefaultResourceRetriever(millis, millis, MAX_DOCUMENT_BYTES);
    List<TrustedIssuer> trusted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<OidcIssuerSettings> issuers = settings.issuers == null ? List.of() : settings.issuers;
    for (int i = 0; i < issuers.size(); i++) {
      String key = "oidc.issuers[" + i + "]";
      OidcIssuerSettings issuer = issuers.get(i);
      if (issuer == null) {
        throw refused(key, "is empty");
      }
      String problem = IssuerUrls.problem(issuer.issuer).orElse(null);
      if (problem != null) {
        throw refused(key + ".issuer", problem);
      }
      if (!seen.add(issuer.issuer)) {
        throw refused(key + ".issuer", "is listed twice; give each issuer one entry with all its rules");
      }
      if (issuer.audience == null || issuer.audience.isBlank()) {
        throw refused(key + ".audience", "is required (the aud pipelines ask their platform for, e.g. pave)");
      }
      trusted.add(new TrustedIssuer(issuer.issuer, issuer.audience, rules(key, issuer.rules),
          issuer.nameClaims == null ? List.of() : issuer.nameClaims, OidcVerifier.ALGORITHMS, http));
    }
    return new OidcVerifier(trusted);
  }

  private static List<ClaimRule> rules(String issuerKey, List<OidcRuleSettings> rules) {
    if (rules == null || rules.isEmpty()) {
      throw refused(issuerKey + ".rules", "is empty; an issuer needs at least one rule mapping claims to a team and role");
    }
    List<ClaimRule> compiled = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      String key = issuerKey + ".rules[" + r + "]";
      OidcRuleSettings rule = rules.get(r);
      if (rule == null || rule.claims == null || rule.claims.isEmpty()) {
        // On GitHub any repository can ask for a token with any audience: no claims would admit them all.
        throw refused(key + ".claims", "is empty; a rule must match at least one claim (e.g. repository)");
      }
      Map<String, ClaimGlob> globs = new LinkedHashMap<>();
      boolean narrows = false;
      for (Map.Entry<String, String> claim : rule.claims.entrySet()) {
        if (claim.getKey() == null || claim.getKey().isBlank() || claim.getValue() == null || claim.getValue().isBlank()) {
          throw refused(key + ".claims", "has an empty claim name or pattern");
        }
        narrows |= !claim.getValue().chars().allMatch(c -> c == '*');
        globs.put(claim.getKey(), ClaimGlob.of(claim.getValue()));
      }
      if (!narrows) {
        throw refused(key + ".claims", "matches every token (only '*'); name at least one value, e.g. the repository");
      }
      if (rule.team == null || !Names.TEAM.matcher(rule.team).matches()) {
        throw refused(key + ".team", "must be lower-case letters, digits and '-', starting with a letter");
      }
      Role role;
      try {
        role = rule.role == null ? null : Role.fromWire(rule.role);
      } catch (IllegalArgumentException e) {
        role = null;
      }
      if (role == null) {
        throw refused(key + ".role", "must be one of " + Arrays.stream(Role.values()).map(Role::wireName).toList()
            + ", not " + (rule.role == null ? "empty" : "'" + rule.role + "'"));
      }
      compiled.add(new ClaimRule(r, globs, rule.team, role));
    }
    return compiled;
  }

  private static IllegalStateException refused(String key, String problem) {
    return new IllegalStateException(key + " " + problem);
  }
}
