package dev.pave.api.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An OIDC issuer on loopback, as GitHub Actions would be one: a discovery document and a key set
 * served by WireMock under {@code path}, and keys generated here to sign its tokens.
 */
final class LoopbackIssuer {

  final WireMockServer server;
  final String path;
  final String url;

  LoopbackIssuer(WireMockServer server, String path) {
    this.server = server;
    this.path = path;
    this.url = "http://127.0.0.1:" + server.port() + path;
  }

  /** Serves the discovery document and these keys (public parts only) as the key set. */
  void publish(JWK... keys) {
    server.stubFor(get(urlEqualTo(path + "/.well-known/openid-configuration")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"issuer\": \"" + url + "\", \"jwks_uri\": \"" + url + "/jwks\","
            + " \"id_token_signing_alg_values_supported\": [\"RS256\"]}")));
    server.stubFor(get(urlEqualTo(path + "/jwks")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(new JWKSet(List.of(keys)).toPublicJWKSet().toString())));
  }

  int keySetFetches() {
    return server.countRequestsMatching(getRequestedFor(urlEqualTo(path + "/jwks")).build()).getCount();
  }

  /** A GitHub Actions-like token's claims, valid from a minute ago for five minutes. */
  JWTClaimsSet.Builder claims(String repository, String ref) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(url)
        .audience("pave")
        .subject("repo:" + repository + ":ref:" + ref)
        .issueTime(Date.from(now.minusSeconds(60)))
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString())
        .claim("repository", repository)
        .claim("ref", ref)
        .claim("workflow", "deploy");
  }

  static RSAKey rsaKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new AssertionError(e);
    }
  }

  static ECKey ecKey(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new AssertionError(e);
    }
  }

  /** Signs with the key (RS256 for RSA, ES256 for EC), naming its key id in the header. */
  static String sign(JWK key, JWTClaimsSet claims) {
    try {
      boolean rsa = key instanceof RSAKey;
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
          .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(rsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new AssertionError(e);
    }
  }
}
