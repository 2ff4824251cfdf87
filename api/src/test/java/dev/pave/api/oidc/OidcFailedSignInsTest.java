package dev.pave.api.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refused OIDC tokens are failed authentications like wrong Pave tokens, on both doors and
 * against the same per-address budget, so a stream of forged JWTs cannot guess for ever.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OidcFailedSignInsTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embeddedFrom("pave-test-oidc.yml",
      ConfigOverride.config("failedAuthPerMinute", "3"));

  @Test
  void refusedOidcTokensOnEitherDoorUseUpTheAddressesBudget() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String untrusted = forged();

    assertThat(api.post(null, "/v1/auth/oidc", Map.of("token", untrusted)).status()).isEqualTo(401);
    assertThat(api.post(null, "/v1/auth/oidc", Map.of("token", untrusted)).status()).isEqualTo(401);
    assertThat(api.get(untrusted, "/v1/workspaces").status()).isEqualTo(401);

    HttpApi.Reply exchange = api.post(null, "/v1/auth/oidc", Map.of("token", untrusted));
    assertThat(exchange.status()).as(exchange.raw().body()).isEqualTo(429);
    assertThat(exchange.header("Retry-After")).isNotNull();
    HttpApi.Reply bearer = api.get(untrusted, "/v1/workspaces");
    assertThat(bearer.status()).isEqualTo(429);
    // A valid credential is checked first and served: others' failures from this address never lock it out.
    assertThat(api.get(PaveTestApp.ADMIN_TOKEN, "/v1/workspaces").status()).isEqualTo(200);
    assertThat(api.get(untrusted, "/v1/workspaces").status()).isEqualTo(429);
  }

  /** Signed by a key of nobody's, from an issuer Pave does not trust: refused without any fetch. */
  private static String forged() {
    RSAKey key = LoopbackIssuer.rsaKey("x");
    Instant now = Instant.now();
    return LoopbackIssuer.sign(key, new JWTClaimsSet.Builder().issuer("https://issuer.invalid").audience("pave")
        .subject("repo:evil/x:ref:refs/heads/main").issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300))).build());
  }
}
