package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.PaveTestApp;
import dev.pave.api.support.RawHttp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests Jetty refuses before Pave's code runs (bad encodings, ambiguous paths, oversized URIs
 * and headers) still answer the API's JSON error shape, on the API port and on the admin port.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class JettyErrorsAreJsonTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  @Test
  void aBadPercentEncodingIsAJson400() {
    assertJsonError(RawHttp.send(APP.getLocalPort(), "GET", "/v1/%zz"), 400);
    assertJsonError(RawHttp.send(APP.getAdminPort(), "GET", "/%zz"), 400);
  }

  @Test
  void anEncodedSlashInAPathIsAJson400() {
    assertJsonError(RawHttp.send(APP.getLocalPort(), "GET", "/v1/requests/a%2Fb"), 400);
    assertJsonError(RawHttp.send(APP.getAdminPort(), "GET", "/prometheus%2Fx"), 400);
    assertJsonError(RawHttp.send(APP.getLocalPort(), "DELETE", "/v1/tokens/a%2Fb"), 400);
  }

  @Test
  void aTwentyKilobyteUriIsAJson414() {
    String longPath = "/v1/requests/" + "a".repeat(20 * 1024);
    assertJsonError(RawHttp.send(APP.getLocalPort(), "GET", longPath), 414);
    assertJsonError(RawHttp.send(APP.getAdminPort(), "GET", "/" + "a".repeat(20 * 1024)), 414);
  }

  @Test
  void aNineKilobyteHeaderIsAJson431() {
    String header = "X-Padding: " + "b".repeat(9 * 1024);
    assertJsonError(RawHttp.send(APP.getLocalPort(), "GET", "/v1/health", header), 431);
    assertJsonError(RawHttp.send(APP.getAdminPort(), "GET", "/healthcheck", header), 431);
  }

  @Test
  void anUnknownPathOnTheAdminPortIsAJson404() {
    assertJsonError(RawHttp.send(APP.getAdminPort(), "GET", "/no-such-thing"), 404);
  }

  @Test
  void anUnknownPathOnTheApiPortIsAJson404() {
    assertJsonError(RawHttp.send(APP.getLocalPort(), "GET", "/no-such-thing"), 404);
  }

  private static void assertJsonError(RawHttp.Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).as(reply.body()).startsWith("application/json");
    JsonNode body = reply.json();
    assertThat(body.path("code").asInt()).as(reply.body()).isEqualTo(status);
    assertThat(body.path("message").asText()).as(reply.body()).isNotBlank();
    assertThat(reply.body()).doesNotContain("<html", "Caused by", "at org.");
  }
}
