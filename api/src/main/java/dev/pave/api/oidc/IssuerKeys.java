package dev.pave.api.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An issuer's signing keys, found through its discovery document ({@code
 * /.well-known/openid-configuration} gives {@code jwks_uri}) on first use, not at start: an
 * issuer that is down must not stop Pave. Nimbus caches the key set (five minutes), fetches it
 * again when a token names a key id it does not hold (a rotation), and allows two fetches per
 * {@link #MIN_REFRESH_INTERVAL}, so a flood of tokens with made-up key ids costs the issuer
 * nothing. A failed discovery is not retried sooner than that interval either.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

  static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

  private final String issuer;
  private final ResourceRetriever http;
  private JWKSource<SecurityContext> keys;
  private long lastDiscoveryNanos;
  private boolean discoveryTried;

  IssuerKeys(String issuer, ResourceRetriever http) {
    this.issuer = issuer;
    this.http = http;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    return keys().get(selector, context);
  }

  private synchronized JWKSource<SecurityContext> keys() throws KeySourceException {
    if (keys != null) {
      return keys;
    }
    long now = System.nanoTime();
    if (discoveryTried && now - lastDiscoveryNanos < MIN_REFRESH_INTERVAL.toNanos()) {
      throw new KeySourceException("the issuer's discovery document could not be read a moment ago; not asked again"
          + " for " + MIN_REFRESH_INTERVAL.toSeconds() + " s");
    }
    discoveryTried = true;
    lastDiscoveryNanos = now;
    URL jwksUri = jwksUri();
    keys = JWKSourceBuilder.create(jwksUri, http)
        .rateLimited(MIN_REFRESH_INTERVAL.toMillis())
        .build();
    return keys;
  }

  /** The discovery document's jwks_uri, once the document proves it is this issuer's (OIDC Discovery 4.3). */
  private URL jwksUri() throws KeySourceException {
    String discovery = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
    Map<String, Object> document;
    try {
      document = JSONObjectUtils.parse(http.retrieveResource(URI.create(discovery).toURL()).getContent());
    } catch (IOException | ParseException | RuntimeException e) {
      throw new KeySourceException("the issuer's discovery document could not be read: " + e.getMessage(), e);
    }
    Object claimedIssuer = document.get("issuer");
    if (!issuer.equals(claimedIssuer)) {
      throw new KeySourceException("the discovery document names another issuer");
    }
    Object jwksUri = document.get("jwks_uri");
    String problem = jwksUri instanceof String uri ? IssuerUrls.problem(uri).orElse(null) : "is missing";
    if (problem != null) {
      throw new KeySourceException("the discovery document's jwks_uri " + problem);
    }
    try {
      return URI.create((String) jwksUri).toURL();
    } catch (IOException | IllegalArgumentException e) {
      throw new KeySourceException("the discovery document's jwks_uri is not a URL", e);
    }
  }
}
