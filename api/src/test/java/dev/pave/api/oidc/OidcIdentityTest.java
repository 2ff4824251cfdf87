package dev.pave.api.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pipeline signs in with its platform's OIDC token, here issued by WireMock on loopback with
 * keys made in the test: accepted only when signed by the issuer's key, for Pave's audience,
 * within its validity (60 s of skew), and mapped by a rule; refused (401, saying why, nothing
 * recorded) otherwise. The caller is the subject {@code oidc:<issuer>#<sub>} on both doors: the
 * JWT as a bearer token, and the Pave token it is exchanged for at POST /v1/auth/oidc.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OidcIdentityTest {

  static final WireMockServer ISSUERS = new WireMockServer(WireMockConfiguration.options()
      .bindAddress("127.0.0.1").dynamicPort());
  static {
    ISSUERS.start();
  }
  static final LoopbackIssuer GITHUB = new LoopbackIssuer(ISSUERS, "/github");
  static final LoopbackIssuer ROTATING = new LoopbackIssuer(ISSUERS, "/rotating");
  static final RSAKey KEY = LoopbackIssuer.rsaKey("k1");
  static final com.nimbusds.jose.jwk.ECKey EC_KEY = LoopbackIssuer.ecKey("e1");

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embeddedFrom("pave-test-oidc.yml",
      ConfigOverride.config("oidc.issuers[0].issuer", GITHUB.url),
      ConfigOverride.config("oidc.issuers[1].issuer", ROTATING.url),
      // Every refusal here is a failed authentication from 127.0.0.1; OidcFailedSignInsTest counts them.
      ConfigOverride.config("failedAuthPerMinute", "1000"));
  static final Duration WAIT = Duration.ofSeconds(90);
  static HttpApi api;

  @BeforeAll
  static void issuer() {
    GITHUB.publish(KEY, EC_KEY);
    api = new HttpApi(APP.getLocalPort());
  }

  @AfterAll
  static void stopIssuer() {
    ISSUERS.stop();
  }

  @Test
  void aPipelinesOidcTokenAsBearerAsksForInfrastructureAsItsSubject() {
    String jwt = LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-checkout", "refs/heads/main").build());

    HttpApi.Reply accepted = api.postRaw(jwt, "/v1/requests", prodRequest("pay-oidc", "pay_oidc"), null);

    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    assertThat(accepted.body().get("team").asText()).isEqualTo("payments");
    assertThat(accepted.body().get("requester").asText()).isEqualTo("acme/payments-checkout · deploy");
    String subject = "oidc:" + GITHUB.url + "#repo:acme/payments-checkout:ref:refs/heads/main";
    JsonNode acceptedEvent = auditEvents("request.accepted", id).get(0);
    assertThat(acceptedEvent.at("/actor/subject").asText()).isEqualTo(subject);
    JsonNode signIn = auditEvents("oidc.signed_in", subject);
    assertThat(signIn).hasSize(1);
    assertThat(signIn.get(0).at("/details/claims/repository").asText()).isEqualTo("acme/payments-checkout");
    assertThat(signIn.toString()).doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1));

    // The same pipeline through a Pave token exchanged for a later OIDC token is the same caller.
    String later = LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-checkout", "refs/heads/main").build());
    String exchanged = api.post(null, "/v1/auth/oidc", Map.of("token", later)).body().get("token").asText();
    HttpApi.Reply cancel = api.post(exchanged, "/v1/requests/" + id + "/cancel", Map.of());
    assertThat(cancel.status()).as(cancel.raw().body()).isEqualTo(200);
    assertThat(api.awaitTerminal(jwt, id, WAIT).get("status").asText()).isEqualTo("cancelled");
  }

  @Test
  void anExchangedTokenOutlivesTheOidcTokenForTheConfiguredLifetimeOnly() {
    Instant before = Instant.now();
    // An ES256 token, the other family platforms sign with.
    String jwt = LoopbackIssuer.sign(EC_KEY, GITHUB.claims("acme/payments-web", "refs/heads/main").build());

    HttpApi.Reply exchange = api.post(null, "/v1/auth/oidc", Map.of("token", jwt));

    assertThat(exchange.status()).as(exchange.raw().body()).isEqualTo(200);
    assertThat(exchange.header("Cache-Control")).isEqualTo("no-store");
    String token = exchange.body().get("token").asText();
    assertThat(token).startsWith("pave_");
    Instant expiresAt = Instant.parse(exchange.body().get("expiresAt").asText());
    assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
    assertThat(exchange.body().get("subject").asText())
        .isEqualTo("oidc:" + GITHUB.url + "#repo:acme/payments-web:ref:refs/heads/main");
    assertThat(exchange.body().get("team").asText()).isEqualTo("payments");
    assertThat(exchange.body().get("role").asText()).isEqualTo("requester");
    assertThat(api.get(token, "/v1/workspaces").status()).isEqualTo(200);

    JsonNode audited = auditEvents("oidc.token_exchanged", exchange.body().get("id").asText());
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).at("/actor/subject").asText()).isEqualTo(exchange.body().get("subject").asText());
    assertThat(audited.get(0).at("/details/expiresAt").asText()).isEqualTo(expiresAt.toString());
    assertThat(audited.toString()).doesNotContain(token).doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1));
    // An admin revokes it like any token.
    assertThat(api.delete(PaveTestApp.ADMIN_TOKEN, "/v1/tokens/" + exchange.body().get("id").asText()).status())
        .isEqualTo(204);
    assertThat(api.get(token, "/v1/workspaces").status()).isEqualTo(401);
  }

  @Test
  void aTokenExpiredWithinTheClockSkewIsStillAccepted() {
    Instant now = Instant.now();
    String jwt = LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-api", "refs/heads/main")
        .issueTime(Date.from(now.minusSeconds(330))).expirationTime(Date.from(now.minusSeconds(30))).build());

    assertThat(api.get(jwt, "/v1/workspaces").status()).isEqualTo(200);
  }

  @Test
  void aBadSignatureIsRefused() {
    RSAKey impostor = LoopbackIssuer.rsaKey("k1"); // same key id, another key
    assertRefused(LoopbackIssuer.sign(impostor, GITHUB.claims("acme/payments-api", "refs/heads/main").build()),
        "signature does not verify", "bad-signature");
  }

  @Test
  void anUntrustedIssuerIsRefused() {
    assertRefused(LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-api", "refs/heads/main")
        .issuer("http://127.0.0.1:" + ISSUERS.port() + "/elsewhere").build()), "is not trusted", "wrong-issuer");
  }

  @Test
  void anotherAudienceIsRefused() {
    assertRefused(LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-api", "refs/heads/main")
        .audience("sts.amazonaws.com").build()), "audience (aud) is not \"pave\"", "wrong-audience");
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant now = Instant.now();
    assertRefused(LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-api", "refs/heads/main")
        .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(120))).build()),
        "has expired (exp)", "expired");
  }

  @Test
  void aTokenNotYetValidIsRefused() {
    assertRefused(LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-api", "refs/heads/main")
        .notBeforeTime(Date.from(Instant.now().plusSeconds(120))).build()), "not valid yet (nbf)", "not-yet");
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() {
    assertRefused(LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-api", "refs/heads/main")
        .issueTime(Date.from(Instant.now().plusSeconds(120))).build()), "issued in the future (iat)", "future");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    assertRefused(new PlainJWT(GITHUB.claims("acme/payments-api", "refs/heads/main").build()).serialize(),
        "not signed (alg \"none\")", "alg-none");
  }

  @Test
  void anHs256TokenKeyedWithTheIssuersPublicKeyIsRefused() throws Exception {
    // The classic confusion: a verifier that takes the header's word would check this HMAC with
    // the public key, which anyone can fetch, so anyone could sign anything.
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").type(JOSEObjectType.JWT)
        .build(), GITHUB.claims("acme/payments-api", "refs/heads/main").build());
    forged.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
    assertRefused(forged.serialize(), "algorithm \"HS256\" is not accepted", "hs256");
  }

  @Test
  void claimsThatNoRuleMapsAreRefused() {
    assertRefused(LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-api", "refs/heads/feature").build()),
        "no rule of issuer " + GITHUB.url + " maps its claims (repository=\"acme/payments-api\","
            + " ref=\"refs/heads/feature\")", "no-rule");
    assertRefused(LoopbackIssuer.sign(KEY, GITHUB.claims("evil/payments-api", "refs/heads/main").build()),
        "maps its claims", "no-rule-2");
  }

  @Test
  void aRotatedKeyIsFetchedOnceAndMadeUpKeyIdsFetchNothing() {
    RSAKey first = LoopbackIssuer.rsaKey("r1");
    RSAKey second = LoopbackIssuer.rsaKey("r2");
    ROTATING.publish(first);
    assertThat(api.get(LoopbackIssuer.sign(first, ROTATING.claims("acme/tools", "refs/heads/main").build()),
        "/v1/workspaces").status()).isEqualTo(200);
    assertThat(ROTATING.keySetFetches()).isEqualTo(1);

    ROTATING.publish(first, second); // the issuer rotates: a new key id appears
    HttpApi.Reply rotated = api.get(LoopbackIssuer.sign(second, ROTATING.claims("acme/tools", "refs/heads/main")
        .build()), "/v1/workspaces");

    assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
    assertThat(ROTATING.keySetFetches()).as("the key set was fetched again once, for the unknown key id").isEqualTo(2);

    // A flood of made-up key ids is refused without asking the issuer again.
    for (int i = 0; i < 10; i++) {
      HttpApi.Reply madeUp = api.get(LoopbackIssuer.sign(LoopbackIssuer.rsaKey("made-up-" + i),
          ROTATING.claims("acme/tools", "refs/heads/main").build()), "/v1/workspaces");
      assertThat(madeUp.status()).as(madeUp.raw().body()).isEqualTo(401);
      assertThat(madeUp.body().get("message").asText()).contains("no key of the issuer matches its key id");
    }
    assertThat(ROTATING.keySetFetches()).isEqualTo(2);
  }

  @Test
  void aPipelineOfOneTeamCannotReadAnotherTeamsRequest() {
    String ledger = LoopbackIssuer.sign(KEY, GITHUB.claims("acme/ledger", "refs/heads/main").build());
    HttpApi.Reply accepted = api.postRaw(ledger, "/v1/requests", prodRequest("books-oidc", "books_oidc"), null);
    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    assertThat(accepted.body().get("team").asText()).isEqualTo("ledger");

    String payments = LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-api", "refs/heads/main").build());
    HttpApi.Reply other = api.get(payments, "/v1/requests/" + id);

    assertThat(other.status()).isEqualTo(404);
    assertThat(other.raw().body()).doesNotContain("books-oidc");
    assertThat(api.get(ledger, "/v1/requests/" + id).status()).isEqualTo(200);
    api.post(ledger, "/v1/requests/" + id + "/cancel", Map.of());
  }

  @Test
  void anExchangeWithoutATokenIsAFieldError() {
    HttpApi.Reply missing = api.post(null, "/v1/auth/oidc", Map.of());
    assertThat(missing.status()).as(missing.raw().body()).isEqualTo(422);
    assertThat(missing.body().at("/errors/0/field").asText()).isEqualTo("token");
    HttpApi.Reply unknownField = api.post(null, "/v1/auth/oidc", Map.of("jwt", "x"));
    assertThat(unknownField.status()).as(unknownField.raw().body()).isEqualTo(400);
    assertThat(unknownField.body().at("/errors/0/field").asText()).isEqualTo("jwt");
  }

  /**
   * Refused on both doors with a 401 JSON error saying why and not repeating the token, and no
   * request recorded for the workspace it asked for.
   */
  private static void assertRefused(String jwt, String why, String workspace) {
    HttpApi.Reply asBearer = api.postRaw(jwt, "/v1/requests", prodRequest(workspace, workspace.replace('-', '_')),
        null);
    assertThat(asBearer.status()).as(asBearer.raw().body()).isEqualTo(401);
    assertThat(asBearer.body().get("code").asInt()).isEqualTo(401);
    assertThat(asBearer.body().get("message").asText()).startsWith("OIDC token refused: ").contains(why);
    assertThat(asBearer.raw().body()).doesNotContain(jwt);

    HttpApi.Reply exchange = api.post(null, "/v1/auth/oidc", Map.of("token", jwt));
    assertThat(exchange.status()).as(exchange.raw().body()).isEqualTo(401);
    assertThat(exchange.body().get("message").asText()).contains(why);
    assertThat(exchange.body().has("token")).isFalse();

    JsonNode recorded = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests?workspace=" + workspace).body();
    assertThat(recorded.path("requests")).as(recorded.toString()).isEmpty();
  }

  private static JsonNode auditEvents(String action, String target) {
    HttpApi.Reply reply = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?action=" + action + "&target="
        + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    return reply.body().get("events");
  }

  private static String prodRequest(String workspace, String database) {
    return "{\"module\": \"postgres-database\", \"workspace\": \"" + workspace + "\", \"environment\": \"prod\","
        + " \"inputs\": {\"database_name\": \"" + database + "\"}}";
  }
}
