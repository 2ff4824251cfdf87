package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Never fail open: a policy that does not compile stops Pave at start, naming the file and line. */
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
  }
}
