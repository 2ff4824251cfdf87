package dev.pave.api.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An OIDC token (a JWT) to the pipeline it identifies, or a refusal (401) that says why. The order
 * matters: an unsigned token or one with a symmetric algorithm is refused before anything else,
 * whatever its header claims, so HS256 "signed" with the issuer's public key (the classic
 * confusion) never reaches a key; the unverified {@code iss} only picks which configured issuer's
 * keys and rules apply, and the signature check then proves it.
 */
public final class OidcVerifier {

  /** Asymmetric algorithms only: RSA (RS*, PS*) and elliptic curves (ES*). */
  static final Set<JWSAlgorithm> ALGORITHMS = Set.copyOf(
      java.util.stream.Stream.concat(JWSAlgorithm.Family.RSA.stream(), JWSAlgorithm.Family.EC.stream())
          .collect(Collectors.toSet()));
  /** Longer than any platform's token; an HTTP header would not carry much more anyway. */
  private static final int MAX_LENGTH = 16 * 1024;

  private final Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();

  OidcVerifier(List<TrustedIssuer> trusted) {
    trusted.forEach(issuer -> issuers.put(issuer.issuer(), issuer));
  }

  boolean hasIssuers() {
    return !issuers.isEmpty();
  }

  /**
   * Whether a bearer credential is shaped like a JWT (three base64url parts, a JSON header), so it
   * is checked here and not looked up among Pave's tokens (which have no dots).
   */
  static boolean looksLikeJwt(String credential) {
    return credential != null && credential.startsWith("eyJ") && credential.length() <= MAX_LENGTH
        && credential.chars().filter(c -> c == '.').count() == 2;
  }

  OidcIdentity verify(String credential) {
    if (credential == null || credential.length() > MAX_LENGTH) {
      throw new OidcRefused("it is not a JWT");
    }
    JWT parsed;
    try {
      parsed = JWTParser.parse(credential);
    } catch (ParseException e) {
      throw new OidcRefused("it is not a JWT");
    }
    if (parsed instanceof PlainJWT) {
      throw new OidcRefused("it is not signed (alg \"none\")");
    }
    if (!(parsed instanceof SignedJWT signed)) {
      throw new OidcRefused("encrypted tokens are not accepted");
    }
    JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
    if (!ALGORITHMS.contains(algorithm)) {
      throw new OidcRefused("algorithm " + TrustedIssuer.quoted(algorithm.getName())
          + " is not accepted; issuers sign with asymmetric keys (RS256, ES256 and the like)");
    }
    String claimedIssuer;
    try {
      claimedIssuer = signed.getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw new OidcRefused("its claims are not a JSON object");
    }
    TrustedIssuer issuer = claimedIssuer == null ? null : issuers.get(claimedIssuer);
    if (issuer == null) {
      throw new OidcRefused("issuer (iss) " + TrustedIssuer.quoted(claimedIssuer) + " is not trusted by this Pave");
    }
    JWTClaimsSet claims = issuer.verify(signed);
    NulFreeClaims.check(claims);
    ClaimRule rule = issuer.ruleFor(claims).orElseThrow(() -> new OidcRefused("no rule of issuer "
        + issuer.issuer() + " maps its claims (" + describe(issuer, claims) + ")"));
    return new OidcIdentity(OidcIdentity.subjectOf(issuer.issuer(), claims.getSubject()),
        displayName(issuer.nameClaims(), claims), rule.team(), rule.role(),
        issuer.issuer(), rule.index(), rule.matchedValues(claims), claims.getExpirationTime().toInstant(),
        claims.getJWTID());
  }

  /**
   * The token's values of the claims the rules look at, so the pipeline's author sees what did
   * not match. Claims are no secret: the platform puts them in every job's token, and the caller
   * holds this one.
   */
  private static String describe(TrustedIssuer issuer, JWTClaimsSet claims) {
    return issuer.rules().stream().flatMap(rule -> rule.claims().keySet().stream()).distinct()
        .map(name -> name + "=" + TrustedIssuer.quoted(ClaimRule.text(claims, name)))
        .collect(Collectors.joining(", "));
  }

  /** The configured claims' values joined ("acme/payments-api · deploy"), or sub; never a name Pave writes itself. */
  static String displayName(List<String> nameClaims, JWTClaimsSet claims) {
    String joined = nameClaims.stream().map(name -> ClaimRule.text(claims, name))
        .filter(value -> value != null && !value.isBlank())
        .collect(Collectors.joining(" · "));
    String name = joined.isBlank() ? claims.getSubject() : joined;
    name = name.replaceAll("\\p{Cntrl}", " ").strip();
    if (name.length() > 200) {
      name = name.substring(0, 200);
    }
    // "system" marks Pave's own steps as machine time: a pipeline must not pass as it.
    return name.isEmpty() || name.equals("system") || name.equals("requester") ? "oidc:" + name : name;
  }
}
