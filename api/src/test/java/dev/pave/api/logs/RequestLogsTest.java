package dev.pave.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.embedded.TargetServerRoles;
import dev.pave.api.home.EmbeddedPasswords;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/requests/{id}/logs: Terraform's output of each step, read as the request itself is
 * read, with every secret masked (the platform's, the request's sensitive inputs and outputs),
 * and bounded. The leaky-echo test module prints the target admin's password from its
 * environment and a token it only declares sensitive at its output, so the raw output holds both.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestLogsTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("modulesDir", catalogWithLeakyEcho().toString()));
  static HttpApi api;
  static String payments;
  static String targetAdminPassword;

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    payments = token("ci-payments", "payments", "requester");
    targetAdminPassword = EmbeddedPasswords.in(Path.of(APP.getConfiguration().home))
        .of(EmbeddedPasswords.TARGET_SERVER, TargetServerRoles.ADMIN);
    assertThat(targetAdminPassword).hasSizeGreaterThanOrEqualTo(16);
  }

  @Test
  void aProvisioningsLogsShowTerraformsLinesAndNoSecretToItsTeamAndAuditorsOnly() {
    String id = provision("postgres-database", "logs-db", Map.of("database_name", "logs_db"));
    String password = api.get(payments, "/v1/workspaces/logs-db/outputs?reveal=true").body().get("password").asText();
    assertThat(password).hasSizeGreaterThanOrEqualTo(32);

    HttpApi.Reply reply = api.get(payments, "/v1/requests/" + id + "/logs");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(reply.body().get("requestId").asText()).isEqualTo(id);
    assertThat(steps(reply.body())).containsExactly("init", "plan", "apply");
    assertThat(output(reply.body(), "init")).contains("Terraform has been successfully initialized");
    assertThat(output(reply.body(), "plan")).contains("terraform_data.database: Plan to create")
        .contains("Plan: 3 to add, 0 to change, 0 to destroy.");
    assertThat(output(reply.body(), "apply")).contains("terraform_data.database: Creation complete")
        .contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
    reply.body().get("steps").forEach(step -> assertThat(step.get("truncated").asBoolean()).isFalse());
    assertThat(reply.raw().body()).doesNotContain(password).doesNotContain(targetAdminPassword);

    HttpApi.Reply byAuditor = api.get(token("auditor-1", "audit", "auditor"), "/v1/requests/" + id + "/logs");
    assertThat(byAuditor.status()).isEqualTo(200);
    assertThat(byAuditor.body()).isEqualTo(reply.body());

    HttpApi.Reply byOtherTeam = api.get(token("ci-billing", "billing", "requester"), "/v1/requests/" + id + "/logs");
    assertThat(byOtherTeam.status()).isEqualTo(404);
    assertThat(byOtherTeam.raw().body()).doesNotContain("Terraform").doesNotContain("logs_db");
    assertThat(api.get(payments, "/v1/requests/req_doesnotexist0000/logs").status()).isEqualTo(404);
    assertThat(api.get(null, "/v1/requests/" + id + "/logs").status()).isEqualTo(401);
  }

  @Test
  void whatAProvisionerPrintsOfThePlatformsSecretsOrOfASensitiveOutputIsMasked() {
    String id = provision("leaky-echo", "leaky", Map.of("label", "first"));
    String token = api.get(payments, "/v1/workspaces/leaky/outputs?reveal=true").body().get("token").asText();
    assertThat(token).startsWith("tok").hasSizeGreaterThan(30);

    JsonNode logs = api.get(payments, "/v1/requests/" + id + "/logs").body();
    String apply = output(logs, "apply");
    assertThat(apply).contains("admin password: (masked)").contains("token: (masked)").contains("end-of-noise");
    assertThat(logs.toString()).doesNotContain(targetAdminPassword).doesNotContain(token);

    HttpApi.Reply destroy = api.post(payments, "/v1/requests", Map.of("module", "leaky-echo", "workspace", "leaky",
        "environment", "dev", "action", "destroy"));
    assertThat(destroy.status()).as(destroy.raw().body()).isEqualTo(202);
    String destroyId = destroy.body().get("id").asText();
    JsonNode destroyed = api.awaitTerminal(payments, destroyId, Duration.ofSeconds(180));
    assertThat(destroyed.get("status").asText()).as(destroyed.toString()).isEqualTo("succeeded");
    JsonNode destroyLogs = api.get(payments, "/v1/requests/" + destroyId + "/logs").body();
    assertThat(output(destroyLogs, "apply")).contains("destroying token: (masked)");
    assertThat(destroyLogs.toString()).doesNotContain(token).doesNotContain(targetAdminPassword);
  }

  @Test
  void anOverLongOutputKeepsItsTailAndSaysSo() {
    String id = provision("leaky-echo", "noisy", Map.of("label", "noisy", "noise_lines", 8000));
    JsonNode apply = stepOf(api.get(payments, "/v1/requests/" + id + "/logs").body(), "apply");
    assertThat(apply.get("truncated").asBoolean()).isTrue();
    String output = apply.get("output").asText();
    assertThat(output.length()).isLessThanOrEqualTo(256 * 1024);
    assertThat(output).contains("noise-line-7999").contains("end-of-noise").doesNotContain("noise-line-0\n")
        .doesNotContain("admin password");
    assertThat(stepOf(api.get(payments, "/v1/requests/" + id + "/logs").body(), "plan").get("truncated").asBoolean())
        .isFalse();
  }

  private static String provision(String module, String workspace, Map<String, Object> inputs) {
    HttpApi.Reply accepted = api.post(payments, "/v1/requests", Map.of("module", module, "workspace", workspace,
        "environment", "dev", "ttlHours", 24, "inputs", inputs));
    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    JsonNode done = api.awaitTerminal(payments, id, Duration.ofSeconds(180));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    return id;
  }

  private static List<String> steps(JsonNode logs) {
    List<String> steps = new ArrayList<>();
    logs.get("steps").forEach(step -> steps.add(step.get("step").asText()));
    return steps;
  }

  private static JsonNode stepOf(JsonNode logs, String name) {
    for (JsonNode step : logs.get("steps")) {
      if (step.get("step").asText().equals(name)) {
        return step;
      }
    }
    throw new AssertionError("no " + name + " step in " + logs);
  }

  private static String output(JsonNode logs, String step) {
    return stepOf(logs, step).get("output").asText();
  }

  private static String token(String name, String team, String role) {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.body().get("token").asText();
  }

  /** The shipped catalog and the leaky-echo test module, side by side. */
  private static Path catalogWithLeakyEcho() {
    try {
      Path root = Files.createTempDirectory("pave-logs-catalog");
      copy(Path.of("../terraform-modules"), root);
      copy(Path.of("src/test/resources/logs/leaky-echo"), root.resolve("leaky-echo"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
