package dev.pave.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** `pave policy simulate` against a running Pave: works with an admin token, explains a refusal. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PolicySimulationCliTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  @Test
  void anAdminSimulatesTheShippedPoliciesAndAnApproverIsToldWhyNot() throws Exception {
    String url = "http://localhost:" + APP.getLocalPort();
    ByteArrayOutputStream admin = new ByteArrayOutputStream();
    boolean ran = new PolicySimulation(url, PaveTestApp.ADMIN_TOKEN)
        .run(Path.of("../policies"), "1h", new PrintStream(admin, true, StandardCharsets.UTF_8));
    assertThat(ran).as(admin.toString(StandardCharsets.UTF_8)).isTrue();
    assertThat(admin.toString(StandardCharsets.UTF_8)).contains("requests since").contains("recorded:");

    HttpApi api = new HttpApi(APP.getLocalPort());
    String approver = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "alice", "team", "platform", "role", "approver")).body().get("token").asText();
    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    boolean denied = new PolicySimulation(url, approver)
        .run(Path.of("../policies"), "1h", new PrintStream(refused, true, StandardCharsets.UTF_8));
    assertThat(denied).isFalse();
    assertThat(refused.toString(StandardCharsets.UTF_8)).startsWith("Pave answered 403");
  }
}
