package dev.pave.api.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.pave.api.errors.ApiException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One configured issuer: checks a token's signature against the issuer's keys, then its issuer,
 * audience, expiry, not-before and issue time with {@link #CLOCK_SKEW} of slack, then finds the
 * first rule its claims match.
 */
final class TrustedIssuer {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final String issuer;
  private final String audience;
  private final List<ClaimRule> rules;
  private final List<String> nameClaims;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  TrustedIssuer(String issuer, String audience, List<ClaimRule> rules, List<String> nameClaims,
      Set<JWSAlgorithm> algorithms, ResourceRetriever http) {
    this.issuer = issuer;
    this.audience = audience;
    this.rules = List.copyOf(rules);
    this.nameClaims = List.copyOf(nameClaims);
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new IssuerKeys(issuer, http)));
    processor.setJWTClaimsSetVerifier(new ClaimsVerifier(issuer, audience));
  }

  String issuer() {
    return issuer;
  }

  /** The token's verified claims; refused (401) or, when the issuer's keys cannot be fetched, 503. */
  JWTClaimsSet verify(SignedJWT token) {
    try {
      return processor.process(token, null);
    } catch (BadJWSException e) {
      throw new OidcRefused("its signature does not verify with the issuer's keys");
    } catch (BadJWTException e) {
      throw new OidcRefused(claimsProblem(e));
    } catch (BadJOSEException e) {
      throw new OidcRefused("no key of the issuer matches its key id (kid " + quoted(token.getHeader().getKeyID()) + ")");
    } catch (RateLimitReachedException e) {
      // The keys were fetched again a moment ago and the key id was not among them.
      throw new OidcRefused("no key of the issuer matches its key id (kid " + quoted(token.getHeader().getKeyID()) + ")");
    } catch (KeySourceException e) {
      throw new ApiException(503, "the keys of OIDC issuer " + issuer + " could not be fetched; try again shortly");
    } catch (JOSEException e) {
      throw new OidcRefused("its signature could not be checked");
    }
  }

  Optional<ClaimRule> ruleFor(JWTClaimsSet claims) {
    return rules.stream().filter(rule -> rule.matches(claims)).findFirst();
  }

  List<ClaimRule> rules() {
    return rules;
  }

  /** Claims whose values make the caller's display name. */
  List<String> nameClaims() {
    return nameClaims;
  }

  private String claimsProblem(BadJWTException e) {
    String nimbus = e.getMessage() == null ? "" : e.getMessage();
    if (nimbus.startsWith("Expired")) {
      return "it has expired (exp); ask the platform for a fresh one, or exchange it at POST /v1/auth/oidc for a Pave"
          + " token that lasts the run";
    }
    if (nimbus.contains("before use time")) {
      return "it is not valid yet (nbf)";
    }
    if (nimbus.contains("issued in the future")) {
      return "it was issued in the future (iat)";
    }
    // Nimbus 10: "JWT aud claim rejected", "JWT missing required aud claim".
    if (nimbus.contains("aud claim")) {
      return "its audience (aud) is not \"" + audience + "\"";
    }
    if (nimbus.contains("missing required claims")) {
      return "it lacks a required claim (sub, exp, iat)";
    }
    return "its claims are not acceptable";
  }

  static String quoted(String value) {
    if (value == null) {
      return "none";
    }
    return "\"" + (value.length() > 100 ? value.substring(0, 100) + "..." : value) + "\"";
  }

  /** Nimbus's checks of iss, aud, exp and nbf, plus one it leaves out: an issue time in the future. */
  private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

    ClaimsVerifier(String issuer, String audience) {
      super(audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat"));
      setMaxClockSkew(Math.toIntExact(CLOCK_SKEW.toSeconds()));
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
      super.verify(claims, context);
      Date issuedAt = claims.getIssueTime();
      if (issuedAt != null && issuedAt.toInstant().isAfter(currentTime().toInstant().plus(CLOCK_SKEW))) {
        throw new BadJWTException("JWT issued in the future");
      }
    }
  }
}
