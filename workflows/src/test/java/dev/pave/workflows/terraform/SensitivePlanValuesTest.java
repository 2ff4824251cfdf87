package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.workflows.contract.PolicyOutcome;
import dev.pave.workflows.policy.PolicyInputs;
import dev.pave.workflows.policy.PolicyLoader;
import dev.pave.workflows.policy.PolicyResult;
import dev.pave.workflows.policy.PolicySet;
import dev.pave.workflows.policy.PolicyStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real plans of a module with every kind of sensitive value Terraform marks: a generated password
 * behind {@code sensitive()} (as the postgres-database module makes its owner password), a
 * sensitive variable, the variable nested in an object and a list, a sensitive output, and a child
 * module's sensitive default. None of them may reach the document policies read.
 */
class SensitivePlanValuesTest {

  private static final String VARIABLE_SECRET = "v4r1able-s3cret";
  private static final String DEFAULT_SECRET = "d3fault-s3cret";

  private static final String ROOT = """
      variable "admin_password" {
        type      = string
        sensitive = true
      }
      variable "generation" {
        type = number
      }
      resource "terraform_data" "password" {
        input = sensitive("${replace(uuid(), "-", "")}")
        lifecycle {
          ignore_changes = [input]
        }
      }
      resource "terraform_data" "mixed" {
        input            = { name = "app", secret = var.admin_password, generation = var.generation }
        triggers_replace = ["plain", var.admin_password]
      }
      module "child" {
        source = "./child"
      }
      output "password" {
        value     = terraform_data.password.output
        sensitive = true
      }
      output "name" {
        value = "app"
      }
      """;

  private static final String CHILD = """
      variable "token" {
        type      = string
        sensitive = true
        default   = "%s"
      }
      resource "terraform_data" "token" {
        input = var.token
      }
      """.formatted(DEFAULT_SECRET);

  private final TerraformSettings settings = TerraformSettings.onPath();
  private final Terraform terraform = new Terraform(settings);

  @TempDir Path home;
  @TempDir Path work;
  @TempDir Path policies;
  private Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = TerraformEnvironment.minimal(home, settings, Map.of());
    TestConfigs.write(work, "main.tf", ROOT);
    TestConfigs.write(work.resolve("child"), "main.tf", CHILD);
    terraform.init(work, env, InitOptions.defaults());
  }

  @Test
  void noSensitiveValueOfARealUpdatePlanReachesTheDocument() throws Exception {
    String password = applyThenPlanAnUpdate();
    String clear = showWithoutPave();
    assertThat(clear).as("the unredacted plan holds every secret: the test probes something real")
        .contains(password, VARIABLE_SECRET, DEFAULT_SECRET);

    JsonNode redacted = terraform.show(work, env, Path.of("tfplan")).raw();

    assertThat(redacted.toString()).doesNotContain(password, VARIABLE_SECRET, DEFAULT_SECRET)
        .contains(SensitivePlanValues.MARKER);
    // Only what is marked is hidden: names, plain list elements and unknowns stay as they are.
    JsonNode mixed = change(redacted, "terraform_data.mixed");
    assertThat(mixed.path("before").path("input").path("name").asText()).isEqualTo("app");
    assertThat(mixed.path("before").path("input").path("secret").asText()).isEqualTo(SensitivePlanValues.MARKER);
    assertThat(mixed.path("after").path("input").path("generation").asInt()).isEqualTo(2);
    assertThat(mixed.path("before").path("triggers_replace").get(0).asText()).isEqualTo("plain");
    assertThat(mixed.path("before").path("triggers_replace").get(1).asText()).isEqualTo(SensitivePlanValues.MARKER);
    assertThat(mixed.path("after_unknown"))
        .isEqualTo(change(new ObjectMapper().readTree(clear), "terraform_data.mixed").path("after_unknown"));
    assertThat(redacted.path("variables").path("admin_password").path("value").asText())
        .isEqualTo(SensitivePlanValues.MARKER);
    assertThat(redacted.path("variables").path("generation").path("value").asInt()).isEqualTo(2);
    assertThat(redacted.path("output_changes").path("name").path("after").asText()).isEqualTo("app");
  }

  @Test
  void aPolicyAimedAtTheGeneratedPasswordLearnsNothing() throws Exception {
    String password = applyThenPlanAnUpdate();
    // The attack of the review: one bit per candidate policy, a prefix at a time.
    String probe = "plan.resource_changes.exists(rc, rc.change.before != null && 'input' in rc.change.before"
        + " && type(rc.change.before.input) == string && rc.change.before.input.startsWith('"
        + password.substring(0, 4) + "'))";
    Files.writeString(policies.resolve("probe.yaml"), """
        name: probe
        description: tries to read the password
        stage: plan
        enforcement: hard-mandatory
        deny: "%s"
        message: found it
        """.formatted(probe));
    PolicySet set = PolicyLoader.load(policies);
    Map<String, Object> requestStage = Map.of("request", Map.of(), "requester", Map.of(), "module", Map.of(),
        "cost", Map.of());

    List<PolicyResult> onClearPlan = set.evaluate(PolicyStage.PLAN,
        PolicyInputs.planStage(requestStage, new ObjectMapper().readTree(showWithoutPave()))).results();
    List<PolicyResult> onPaveDocument = set.evaluate(PolicyStage.PLAN,
        PolicyInputs.planStage(requestStage, terraform.show(work, env, Path.of("tfplan")).raw())).results();

    assertThat(onClearPlan).extracting(PolicyResult::result).as("the probe works on a clear plan")
        .containsExactly(PolicyOutcome.DENY);
    assertThat(onPaveDocument).extracting(PolicyResult::result).containsExactly(PolicyOutcome.PASS);
  }

  @Test
  void redactingTwiceChangesNothingMore() throws Exception {
    applyThenPlanAnUpdate();
    JsonNode once = SensitivePlanValues.redact(new ObjectMapper().readTree(showWithoutPave()));
    assertThat(SensitivePlanValues.redact(once)).isEqualTo(once);
  }

  @Test
  void aMaskThatDoesNotFitTheValueHidesTheWholeValue() throws Exception {
    JsonNode plan = new ObjectMapper().readTree("""
        {"resource_changes":[{"change":{"before":{"a":["x","y"]},"before_sensitive":{"a":{"b":true}},
          "after":{"a":"z"},"after_sensitive":{"a":[true]}}}]}
        """);
    JsonNode change = SensitivePlanValues.redact(plan).path("resource_changes").get(0).path("change");
    assertThat(change.path("before").path("a").asText()).isEqualTo(SensitivePlanValues.MARKER);
    assertThat(change.path("after").path("a").asText()).isEqualTo(SensitivePlanValues.MARKER);
  }

  @Test
  void aSecretCopiedToAnUnmarkedPlaceIsHiddenThereToo() throws Exception {
    JsonNode plan = new ObjectMapper().readTree("""
        {"resource_changes":[{"change":{"before":{"input":"pw-0123456789","output":"pw-0123456789",
           "url":"postgres://app:pw-0123456789@db/app","short":"ab","other":"ab-plain"},
          "before_sensitive":{"input":true}}},
          {"change":{"before":{"input":"ab"},"before_sensitive":{"input":true}}}]}
        """);
    JsonNode before = SensitivePlanValues.redact(plan).path("resource_changes").get(0).path("change").path("before");
    assertThat(before.path("output").asText()).isEqualTo(SensitivePlanValues.MARKER);
    assertThat(before.path("url").asText()).isEqualTo(SensitivePlanValues.MARKER);
    // Short secrets are replaced where they stand whole, not inside every string that embeds them.
    assertThat(before.path("short").asText()).isEqualTo(SensitivePlanValues.MARKER);
    assertThat(before.path("other").asText()).isEqualTo("ab-plain");
  }

  /** Applies generation 1, plans generation 2; returns the generated password from the state. */
  private String applyThenPlanAnUpdate() throws IOException {
    Path first = TestConfigs.varFile(work, Map.of("admin_password", VARIABLE_SECRET, "generation", 1));
    terraform.plan(work, env, new PlanOptions(first, Path.of("first"), false, null), TerraformListener.NONE);
    terraform.apply(work, env, Path.of("first"), null, TerraformListener.NONE);
    String password = terraform.outputs(work, env).get("password").value().asText();
    assertThat(password).hasSizeGreaterThan(20);
    Path second = TestConfigs.varFile(work, Map.of("admin_password", VARIABLE_SECRET, "generation", 2));
    terraform.plan(work, env, new PlanOptions(second, Path.of("tfplan"), false, null), TerraformListener.NONE);
    return password;
  }

  /** {@code terraform show -json} run directly, as Terraform writes it. */
  private String showWithoutPave() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(settings.binary().toString(), "show", "-json", "-no-color", "tfplan")
        .directory(work.toFile()).redirectErrorStream(false).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return out;
  }

  private static JsonNode change(JsonNode plan, String address) {
    for (JsonNode rc : plan.path("resource_changes")) {
      if (rc.path("address").asText().equals(address)) {
        return rc.path("change");
      }
    }
    throw new AssertionError("no change for " + address);
  }
}
