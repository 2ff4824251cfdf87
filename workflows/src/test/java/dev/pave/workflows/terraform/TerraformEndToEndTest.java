package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrapper against the real binary, local state, built-in resources only. */
class TerraformEndToEndTest {

  private final TerraformSettings settings = TerraformSettings.onPath();
  private final Terraform terraform = new Terraform(settings);

  @TempDir Path home;
  @TempDir Path work;
  private Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = TerraformEnvironment.minimal(home, settings, Map.of());
    TestConfigs.write(work, "main.tf", TestConfigs.GREETING);
  }

  @Test
  void reportsItsVersion() {
    assertThat(terraform.version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void initPlanShowApplyOutputs() {
    Path varFile = TestConfigs.varFile(work, Map.of("name", "pave"));
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    terraform.init(work, env, InitOptions.defaults());

    PlanResult plan = terraform.plan(work, env, planTo("tfplan", varFile), events::add);
    assertThat(plan.hasChanges()).isTrue();
    assertThat(plan.summary()).isEqualTo(new ChangeSummary(1, 0, 0));
    assertThat(plan.warnings()).isEmpty();
    assertThat(events).extracting(e -> e.path("type").asText()).contains("version", "planned_change", "change_summary");

    PlanDocument doc = terraform.show(work, env, Path.of("tfplan"));
    assertThat(doc.terraformVersion()).isEqualTo(terraform.version());
    assertThat(doc.resourceChanges()).containsExactly(
        new ResourceChange("terraform_data.greeting", "terraform_data", "greeting", List.of("create")));
    assertThat(doc.outputChanges().get("token").sensitive()).isTrue();
    assertThat(doc.summary()).isEqualTo(plan.summary());

    ApplyResult applied = terraform.apply(work, env, Path.of("tfplan"), Duration.ZERO, TerraformListener.NONE);
    assertThat(applied.summary()).isEqualTo(new ChangeSummary(1, 0, 0));

    Map<String, OutputValue> outputs = terraform.outputs(work, env);
    assertThat(outputs.get("greeting").value().asText()).isEqualTo("hello pave");
    assertThat(outputs.get("greeting").sensitive()).isFalse();
    assertThat(outputs.get("token").sensitive()).isTrue();
  }

  @Test
  void planWithoutChangesAndDestroyPlan() {
    Path varFile = TestConfigs.varFile(work, Map.of("name", "pave"));
    terraform.init(work, env, InitOptions.defaults());
    terraform.plan(work, env, planTo("first", varFile), TerraformListener.NONE);
    terraform.apply(work, env, Path.of("first"), null, TerraformListener.NONE);

    PlanResult again = terraform.plan(work, env, planTo("again", varFile), TerraformListener.NONE);
    assertThat(again.hasChanges()).isFalse();
    assertThat(again.summary()).isEqualTo(ChangeSummary.NONE);

    PlanResult destroy = terraform.plan(work, env,
        new PlanOptions(varFile, Path.of("destroy"), true, null), TerraformListener.NONE);
    assertThat(destroy.hasChanges()).isTrue();
    assertThat(destroy.summary()).isEqualTo(new ChangeSummary(0, 0, 1));
    assertThat(terraform.apply(work, env, Path.of("destroy"), null, TerraformListener.NONE).summary())
        .isEqualTo(new ChangeSummary(0, 0, 1));
    assertThat(terraform.outputs(work, env)).isEmpty();
  }

  @Test
  void failedValidationNamesTheVariableNotTheValue() {
    Path varFile = TestConfigs.varFile(work, Map.of("name", "Not-Valid"));
    terraform.init(work, env, InitOptions.defaults());

    assertThatThrownBy(() -> terraform.plan(work, env, planTo("tfplan", varFile), TerraformListener.NONE))
        .isExactlyInstanceOf(TerraformException.class)
        .hasMessageStartingWith("terraform plan failed (exit 1): Invalid value for variable: name must be lowercase letters.")
        .hasMessageNotContaining("Not-Valid")
        .satisfies(e -> assertThat(((TerraformException) e).errors())
            .extracting(Diagnostic::address).containsExactly("var.name"));
  }

  @Test
  void aPlanMadeBeforeAnotherApplyIsStale() {
    Path varFile = TestConfigs.varFile(work, Map.of("name", "pave"));
    terraform.init(work, env, InitOptions.defaults());
    terraform.plan(work, env, planTo("a", varFile), TerraformListener.NONE);
    terraform.plan(work, env, planTo("b", varFile), TerraformListener.NONE);
    terraform.apply(work, env, Path.of("a"), null, TerraformListener.NONE);

    assertThatThrownBy(() -> terraform.apply(work, env, Path.of("b"), null, TerraformListener.NONE))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("Saved plan is stale");
  }

  @Test
  void initFailureWithoutJsonExplainsItselfFromStderr() {
    TestConfigs.write(work, "broken.tf", "terraform { backend \"pg\" {} }\n"); // one line: invalid HCL

    assertThatThrownBy(() -> terraform.init(work, env, InitOptions.defaults()))
        .isInstanceOf(TerraformException.class)
        .hasMessageContaining("Argument definition required");
  }

  @Test
  void childSeesOnlyTheEnvironmentItWasGiven() throws Exception {
    TestConfigs.write(work, "main.tf", """
        resource "terraform_data" "env" {
          provisioner "local-exec" {
            command = "env > child.env"
          }
        }
        """);
    Map<String, String> withExtra = TerraformEnvironment.minimal(home, settings, Map.of("PAVE_MARKER", "1"));
    terraform.init(work, withExtra, InitOptions.defaults());
    terraform.plan(work, withExtra, planTo("tfplan", null), TerraformListener.NONE);
    terraform.apply(work, withExtra, Path.of("tfplan"), null, TerraformListener.NONE);

    List<String> names = Files.readAllLines(work.resolve("child.env")).stream()
        .filter(line -> line.contains("=")).map(line -> line.substring(0, line.indexOf('='))).toList();
    // The shell adds PWD (and some shells SHLVL / _); nothing comes from the JVM's environment.
    assertThat(names).isSubsetOf(List.of("PATH", "HOME", "TF_IN_AUTOMATION", "TF_INPUT", "CHECKPOINT_DISABLE",
        "TF_CLI_CONFIG_FILE", "GOGC", "GOMEMLIMIT", "PAVE_MARKER", "PWD", "SHLVL", "_", "OLDPWD"));
    assertThat(names).contains("PAVE_MARKER", "HOME");
  }

  private static PlanOptions planTo(String file, Path varFile) {
    return new PlanOptions(varFile, Path.of(file), false, Duration.ZERO);
  }
}
