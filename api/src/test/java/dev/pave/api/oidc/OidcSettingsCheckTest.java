package dev.pave.api.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.api.PaveApplication;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.config.OidcIssuerSettings;
import dev.pave.api.config.OidcRuleSettings;
import dev.pave.api.config.OidcSettings;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A broken oidc block stops Pave at start, naming the key; nothing is fetched to find out. */
class OidcSettingsCheckTest {

  @Test
  void aGoodBlockPasses() {
    assertThat(OidcSettingsCheck.verifier(settings(issuer("https://token.actions.githubusercontent.com",
        rule(Map.of("repository", "acme/*"), "payments", "requester")))).hasIssuers()).isTrue();
    assertThat(OidcSettingsCheck.verifier(new OidcSettings()).hasIssuers()).isFalse();
  }

  @Test
  void anUnknownRoleIsRefusedNamingTheKey() {
    assertRefused(settings(issuer("https://gitlab.com", rule(Map.of("project_path", "acme/x"), "payments", "owner"))),
        "oidc.issuers[0].rules[0].role must be one of [requester, approver, auditor, admin], not 'owner'");
  }

  @Test
  void anIssuerWithoutRulesIsRefused() {
    assertRefused(settings(issuer("https://gitlab.com")), "oidc.issuers[0].rules is empty");
  }

  @Test
  void aRuleThatMatchesEveryTokenIsRefused() {
    assertRefused(settings(issuer("https://gitlab.com", rule(Map.of(), "payments", "requester"))),
        "oidc.issuers[0].rules[0].claims is empty");
    assertRefused(settings(issuer("https://gitlab.com", rule(Map.of("repository", "**"), "payments", "requester"))),
        "oidc.issuers[0].rules[0].claims matches every token");
  }

  @Test
  void plainHttpIsRefusedExceptOnLoopback() {
    OidcRuleSettings rule = rule(Map.of("repository", "acme/x"), "payments", "requester");
    assertRefused(settings(issuer("http://issuer.example.com", rule)), "oidc.issuers[0].issuer must use https");
    assertRefused(settings(issuer("https://gitlab.com", rule), issuer("http://10.0.0.8", rule)),
        "oidc.issuers[1].issuer must use https");
    for (String loopback : List.of("http://127.0.0.1:8099/x", "http://localhost:8099", "http://[::1]:8099")) {
      assertThat(OidcSettingsCheck.verifier(settings(issuer(loopback, rule))).hasIssuers()).isTrue();
    }
  }

  @Test
  void anExchangedTokenLifetimeBeyondTwelveHoursIsRefused() {
    OidcSettings settings = settings(issuer("https://gitlab.com", rule(Map.of("project_path", "a/b"), "x", "requester")));
    settings.exchangedTokenLifetime = Duration.ofHours(13);
    assertRefused(settings, "oidc.exchangedTokenLifetime must be from PT1M to PT12H");
  }

  @Test
  void aBrokenOidcBlockStopsTheStartBeforeAnythingRuns() throws Exception {
    Path home = Files.createTempDirectory("pave-broken-oidc");
    DropwizardTestSupport<PaveConfiguration> app = new DropwizardTestSupport<>(PaveApplication.class,
        ResourceHelpers.resourceFilePath("pave-test-oidc.yml"),
        ConfigOverride.config("home", home.toString()),
        ConfigOverride.config("oidc.issuers[1].rules[0].role", "superuser"));
    try {
      assertThatThrownBy(app::before).hasStackTraceContaining("oidc.issuers[1].rules[0].role must be one of");
    } finally {
      app.after();
    }
    assertThat(home.resolve("postgres")).doesNotExist();
  }

  private static void assertRefused(OidcSettings settings, String message) {
    assertThatThrownBy(() -> OidcSettingsCheck.verifier(settings))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
  }

  private static OidcSettings settings(OidcIssuerSettings... issuers) {
    OidcSettings settings = new OidcSettings();
    settings.issuers = List.of(issuers);
    return settings;
  }

  private static OidcIssuerSettings issuer(String url, OidcRuleSettings... rules) {
    OidcIssuerSettings issuer = new OidcIssuerSettings();
    issuer.issuer = url;
    issuer.audience = "pave";
    issuer.rules = List.of(rules);
    return issuer;
  }

  private static OidcRuleSettings rule(Map<String, String> claims, String team, String role) {
    OidcRuleSettings rule = new OidcRuleSettings();
    rule.claims = claims;
    rule.team = team;
    rule.role = role;
    return rule;
  }
}
