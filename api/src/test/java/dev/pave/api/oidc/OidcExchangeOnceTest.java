package dev.pave.api.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An OIDC token is exchanged once, for a Pave token that never outlives it by more than the
 * configured lifetime; an admin ends every token exchanged for one subject; and a claim with a
 * NUL is refused (401), never a 500 from PostgreSQL.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OidcExchangeOnceTest {

  static final WireMockServer ISSUERS = new WireMockServer(WireMockConfiguration.options()
      .bindAddress("127.0.0.1").dynamicPort());
  static {
    ISSUERS.start();
  }
  static final LoopbackIssuer GITHUB = new LoopbackIssuer(ISSUERS, "/github");
  static final RSAKey KEY = LoopbackIssuer.rsaKey("k1");
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embeddedFrom("pave-test-oidc.yml",
      ConfigOverride.config("oidc.issuers[0].issuer", GITHUB.url),
      ConfigOverride.config("oidc.issuers[1].issuer", GITHUB.url + "/unused"),
      ConfigOverride.config("failedAuthPerMinute", "1000"));
  static HttpApi api;

  @BeforeAll
  static void issuer() {
    GITHUB.publish(KEY);
    api = new HttpApi(APP.getLocalPort());
  }

  @AfterAll
  static void stopIssuer() {
    ISSUERS.stop();
  }

  @Test
  void aTokenIsExchangedOnceWithOrWithoutAJti() {
    for (JWTClaimsSet claims : List.of(GITHUB.claims("acme/payments-once", "refs/heads/main").build(),
        GITHUB.claims("acme/payments-nojti", "refs/heads/main").jwtID(null).build())) {
      String jwt = LoopbackIssuer.sign(KEY, claims);
      HttpApi.Reply first = exchange(jwt);
      assertThat(first.status()).as(first.raw().body()).isEqualTo(200);

      HttpApi.Reply again = exchange(jwt);

      assertThat(again.status()).as(again.raw().body()).isEqualTo(401);
      assertThat(again.body().get("message").asText()).contains("already exchanged");
      assertThat(again.raw().body()).doesNotContain("pave_");
      assertThat(api.get(first.body().get("token").asText(), "/v1/requests").status())
          .as("the first exchange's token still works").isEqualTo(200);
    }
  }

  @Test
  void racingExchangesOfOneTokenGiveOneToken() throws Exception {
    String jwt = LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-race", "refs/heads/main").build());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(() -> exchange(jwt).status());
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> status : pool.invokeAll(calls)) {
      statuses.add(status.get());
    }
    pool.shutdown();

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 401).hasSize(7);
  }

  @Test
  void anExchangedTokenNeverOutlivesTheJwtByMoreThanTheLifetime() {
    Instant now = Instant.now();
    Instant jwtExpiry = now.minusSeconds(30); // still accepted: within the 60 s of clock skew
    String jwt = LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-late", "refs/heads/main")
        .issueTime(Date.from(now.minusSeconds(330))).notBeforeTime(Date.from(now.minusSeconds(330)))
        .expirationTime(Date.from(jwtExpiry)).build());

    HttpApi.Reply exchanged = exchange(jwt);

    assertThat(exchanged.status()).as(exchanged.raw().body()).isEqualTo(200);
    Instant expiresAt = Instant.parse(exchanged.body().get("expiresAt").asText());
    assertThat(expiresAt).as("oidc.exchangedTokenLifetime (PT1H) after the JWT's own end, not after now")
        .isBeforeOrEqualTo(jwtExpiry.plus(Duration.ofHours(1)));
  }

  @Test
  void anAdminRevokesEveryTokenExchangedForOneSubject() {
    String first = exchange(LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-leaky", "refs/heads/main").build()))
        .body().get("token").asText();
    HttpApi.Reply second = exchange(LoopbackIssuer.sign(KEY,
        GITHUB.claims("acme/payments-leaky", "refs/heads/main").build()));
    String subject = second.body().get("subject").asText();
    String other = exchange(LoopbackIssuer.sign(KEY, GITHUB.claims("acme/payments-other", "refs/heads/main").build()))
        .body().get("token").asText();
    assertThat(api.get(first, "/v1/requests").status()).isEqualTo(200);
    assertThat(api.post(other, "/v1/auth/oidc/revoke", Map.of("subject", subject)).status())
        .as("admins only").isEqualTo(403);

    HttpApi.Reply revoked = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/auth/oidc/revoke", Map.of("subject", subject));

    assertThat(revoked.status()).as(revoked.raw().body()).isEqualTo(200);
    assertThat(revoked.body().get("tokensRevoked").asInt()).isEqualTo(2);
    assertThat(api.get(first, "/v1/requests").status()).isEqualTo(401);
    assertThat(api.get(second.body().get("token").asText(), "/v1/requests").status()).isEqualTo(401);
    assertThat(api.get(other, "/v1/requests").status()).as("another subject's token lives on").isEqualTo(200);
    JsonNode audited = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?action=oidc.subject_revoked&target="
        + URLEncoder.encode(subject, StandardCharsets.UTF_8)).body().get("events");
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).at("/details/tokensRevoked").asInt()).isEqualTo(2);
    HttpApi.Reply notASubject = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/auth/oidc/revoke", Map.of("subject", "ci"));
    assertThat(notASubject.status()).isEqualTo(422);
    assertThat(notASubject.body().at("/errors/0/field").asText()).isEqualTo("subject");
  }

  @Test
  void aNulInASubjectOrAnotherClaimIsRefusedOnBothDoorsNeverA500() {
    List<JWTClaimsSet> forged = List.of(
        GITHUB.claims("acme/payments-nul", "refs/heads/main").subject("repo:acme/payments-nul\u0000:ref:x").build(),
        GITHUB.claims("acme/payments-nul", "refs/heads/main").jwtID("jti-\u0000").build(),
        GITHUB.claims("acme/payments-nul", "refs/heads/main").claim("workflow", "deploy\u0000").build());
    for (JWTClaimsSet claims : forged) {
      String jwt = LoopbackIssuer.sign(KEY, claims);
      HttpApi.Reply asBearer = api.get(jwt, "/v1/requests");
      assertThat(asBearer.status()).as(asBearer.raw().body()).isEqualTo(401);
      assertThat(asBearer.body().get("message").asText()).contains("NUL");
      HttpApi.Reply exchanged = exchange(jwt);
      assertThat(exchanged.status()).as(exchanged.raw().body()).isEqualTo(401);
      assertThat(exchanged.body().get("message").asText()).contains("NUL");
    }
  }

  private static HttpApi.Reply exchange(String jwt) {
    return api.post(null, "/v1/auth/oidc", Map.of("token", jwt));
  }
}
