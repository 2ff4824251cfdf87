package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Never fail open, and never leave anything behind: a start that fails stops Pave with a message
 * naming what is wrong, and no embedded PostgreSQL server stays running after it.
 */
class StartupRefusesBrokenRulesTest {

  @Test
  void aPolicyThatDoesNotCompileStopsTheStart() throws Exception {
    Path home = Files.createTempDirectory("pave-broken");
    DropwizardTestSupport<PaveConfiguration> app = new DropwizardTestSupport<>(PaveApplication.class,
        ResourceHelpers.resourceFilePath("pave-test.yml"),
        ConfigOverride.config("home", home.toString()),
        ConfigOverride.config("policiesDir", ResourceHelpers.resourceFilePath("broken-policies")));
    try {
      assertThatThrownBy(app::before)
          .hasStackTraceContaining("prod-needs-approval.yaml:5: deny does not compile");
    } finally {
      app.after();
    }
    assertNoServerLeftRunning(home);
  }

  @Test
  void aBadEncryptionKeyStopsTheStartWithoutSayingTheKey() throws Exception {
    Path home = Files.createTempDirectory("pave-broken-key");
    String badKey = "c2hvcnQta2V5LXRoYXQtaXMtbm90LTMy"; // base64, but 24 bytes
    DropwizardTestSupport<PaveConfiguration> app = new DropwizardTestSupport<>(PaveApplication.class,
        ResourceHelpers.resourceFilePath("pave-test.yml"),
        ConfigOverride.config("home", home.toString()),
        ConfigOverride.config("encryptionKey", badKey));
    try {
      assertThatThrownBy(app::before)
          .hasStackTraceContaining("encryptionKey (or PAVE_ENCRYPTION_KEY) is not a base64-encoded 32-byte key")
          .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(badKey));
    } finally {
      app.after();
    }
    assertThat(home.resolve("postgres")).as("the failure came after the databases had started").isDirectory();
    assertNoServerLeftRunning(home);
  }

  @Test
  void aTrustedProxyThatIsNotALiteralAddressStopsTheStartNamingTheEntry() throws Exception {
    // A host name would need a DNS lookup, and 0177.0.0.1 means 127.0.0.1 to some parsers and 177.0.0.1 to others.
    assertStartRefused("pave-bad-proxy", null, "trustedProxies[1] must be an IP address or a CIDR block",
        ConfigOverride.config("trustedProxies", "10.0.0.0/8,0177.0.0.1"));
  }

  @Test
  void aShortAdminTokenStopsTheStartNamingTheVariableNotTheValue() throws Exception {
    String shortToken = "change-me-please";
    assertStartRefused("pave-short-admin-token", shortToken,
        "adminToken (PAVE_ADMIN_TOKEN) is shorter than 32 characters",
        ConfigOverride.config("adminToken", shortToken));
  }

  @Test
  void aShortScrapeTokenStopsTheStart() throws Exception {
    String shortToken = "scrape-me";
    assertStartRefused("pave-short-scrape-token", shortToken,
        "admin.prometheusToken (PAVE_PROMETHEUS_TOKEN) is shorter than 32 characters",
        ConfigOverride.config("admin.prometheusToken", shortToken));
  }

  @Test
  void anAdminPortBeyondLoopbackWithoutAScrapeTokenStopsTheStart() throws Exception {
    assertStartRefused("pave-exposed-admin", null,
        "the admin port is configured to listen beyond loopback",
        ConfigOverride.config("server.adminConnectors[0].bindHost", "0.0.0.0"));
  }

  /** Refused before anything starts: no database folder is even created. */
  private static void assertStartRefused(String prefix, String secret, String message, ConfigOverride override)
      throws Exception {
    Path home = Files.createTempDirectory(prefix);
    DropwizardTestSupport<PaveConfiguration> app = new DropwizardTestSupport<>(PaveApplication.class,
        ResourceHelpers.resourceFilePath("pave-test.yml"),
        ConfigOverride.config("home", home.toString()), override);
    try {
      assertThatThrownBy(app::before).hasStackTraceContaining(message)
          .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(secret == null ? message + "#" : secret));
    } finally {
      app.after();
    }
    assertThat(home.resolve("postgres")).doesNotExist();
    assertNoServerLeftRunning(home);
  }

  /** A running (or crashed) PostgreSQL keeps postmaster.pid in its data folder; a stopped one removes it. */
  private static void assertNoServerLeftRunning(Path home) {
    assertThat(home.resolve("postgres/postmaster.pid")).doesNotExist();
    assertThat(home.resolve("target-postgres/postmaster.pid")).doesNotExist();
  }

  private static String stackTraceOf(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
