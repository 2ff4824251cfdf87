package dev.pave.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.api.PaveApplication;
import dev.pave.api.PaveConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that would weaken sessions stop Pave at start, with a message that names the key. */
class SessionSettingsTest {

  @Test
  void aLifetimeOfDaysOrOfSecondsIsRefused() {
    for (Duration lifetime : new Duration[] {Duration.ofDays(30), Duration.ofHours(25), Duration.ofSeconds(30), null}) {
      assertThatThrownBy(() -> new BrowserSessions(null, lifetime, Clock.systemUTC()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions.lifetime");
    }
    assertThat(new BrowserSessions(null, Duration.ofHours(8), Clock.systemUTC()).lifetime()).hasHours(8);
  }

  @Test
  void aSessionLifetimeOfDaysStopsTheStartBeforeAnyDatabaseStarts() throws Exception {
    Path home = Files.createTempDirectory("pave-long-sessions");
    DropwizardTestSupport<PaveConfiguration> app = new DropwizardTestSupport<>(PaveApplication.class,
        ResourceHelpers.resourceFilePath("pave-test.yml"), ConfigOverride.config("home", home.toString()),
        ConfigOverride.config("sessions.lifetime", "P30D"));
    try {
      assertThatThrownBy(app::before).hasStackTraceContaining("sessions.lifetime must be from 5 minutes to 24 hours");
    } finally {
      app.after();
    }
    assertThat(home.resolve("postgres")).doesNotExist();
  }

  @Test
  void publicUrlMustBeAnHttpOrHttpsOrigin() {
    for (String bad : new String[] {"pave.example.com", "ftp://pave.example.com", "https://user:pw@pave.example.com",
        "https://pave.example.com/?next=x", "https:///no-host"}) {
      assertThatThrownBy(() -> ServerOrigin.from(bad)).as(bad).hasMessageContaining("publicUrl");
    }
    URI request = URI.create("http://10.0.0.5:8080/dashboard");
    assertThat(ServerOrigin.from("https://Pave.Example.com:443/pave/").expected(request))
        .isEqualTo("https://pave.example.com");
    assertThat(ServerOrigin.from(null).expected(request)).isEqualTo("http://10.0.0.5:8080");
    assertThat(ServerOrigin.from(null).https(request)).isFalse();
    assertThat(ServerOrigin.from("https://pave.example.com").https(request)).isTrue();
  }
}
