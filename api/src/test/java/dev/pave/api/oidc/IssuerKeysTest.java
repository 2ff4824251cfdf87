package dev.pave.api.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The discovery document must be the issuer's own, its keys reached safely, and a failure not hammered. */
class IssuerKeysTest {

  static WireMockServer server;
  static String base;

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aDiscoveryDocumentNamingAnotherIssuerIsNotTrusted() {
    discovery("/impostor", "{\"issuer\": \"https://token.actions.githubusercontent.com\","
        + " \"jwks_uri\": \"" + base + "/impostor/jwks\"}");
    assertThatThrownBy(() -> keys("/impostor")).isInstanceOf(KeySourceException.class)
        .hasMessageContaining("names another issuer");
  }

  @Test
  void keysOverPlainHttpBeyondLoopbackAreNotFetched() {
    discovery("/cleartext", "{\"issuer\": \"" + base + "/cleartext\", \"jwks_uri\": \"http://keys.example.com/jwks\"}");
    assertThatThrownBy(() -> keys("/cleartext")).isInstanceOf(KeySourceException.class)
        .hasMessageContaining("jwks_uri must use https");
  }

  @Test
  void aFailedDiscoveryIsNotAskedAgainAtOnce() {
    server.stubFor(get(urlEqualTo("/down/.well-known/openid-configuration")).willReturn(aResponse().withStatus(503)));
    IssuerKeys keys = new IssuerKeys(base + "/down", new DefaultResourceRetriever(2000, 2000));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> keys.get(new JWKSelector(new JWKMatcher.Builder().keyID("k").build()), null))
          .isInstanceOf(KeySourceException.class);
    }
    assertThat(server.countRequestsMatching(getRequestedFor(urlEqualTo("/down/.well-known/openid-configuration"))
        .build()).getCount()).isEqualTo(1);
  }

  private static void keys(String path) throws KeySourceException {
    new IssuerKeys(base + path, new DefaultResourceRetriever(2000, 2000))
        .get(new JWKSelector(new JWKMatcher.Builder().keyID("k").build()), null);
  }

  private static void discovery(String path, String body) {
    server.stubFor(get(urlEqualTo(path + "/.well-known/openid-configuration")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(body)));
  }
}
