package dev.pave.workflows.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Produces real {@code terraform show -json} plans from the configurations in test resources
 * {@code policy/plan-configs/}, so plan policies are tested against what Terraform really emits.
 *
 * <p>Regenerate the committed fixtures after a Terraform upgrade, from the workflows folder:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.pave.workflows.policy.PlanFixtures -Dexec.args=../policies/fixtures}.
 */
public final class PlanFixtures {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Map<String, Object> BASE = Map.of("settings", "v1", "generation", 1, "app_generation", 1);

  /** Apply {@code applied} (if any), then plan {@code planned}, or a destroy when {@code destroy}. */
  record Scenario(String name, String config, Map<String, Object> applied, Map<String, Object> planned,
      boolean destroy) {

    String fixtureFile() {
      return "plan-" + name + ".json";
    }
  }

  static final List<Scenario> SCENARIOS = List.of(
      new Scenario("create", "database", null, BASE, false),
      new Scenario("update", "database", BASE, with("settings", "v2"), false),
      new Scenario("replace", "database", BASE, with("generation", 2), false),
      new Scenario("replace-create-before-destroy", "database-create-before-destroy", BASE,
          with("generation", 2), false),
      new Scenario("replace-app", "database", BASE, with("app_generation", 2), false),
      new Scenario("destroy", "database", BASE, BASE, true));

  private PlanFixtures() {}

  static Scenario scenario(String name) {
    return SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** Runs the scenario in {@code workDir} with the real binary; returns the plan JSON. */
  static JsonNode generate(Scenario scenario, Path workDir) throws IOException, InterruptedException {
    copyConfig(scenario.config(), workDir);
    terraform(workDir, "init", "-input=false", "-no-color");
    if (scenario.applied() != null) {
      Files.writeString(workDir.resolve("applied.tfvars.json"), JSON.writeValueAsString(scenario.applied()));
      terraform(workDir, "apply", "-input=false", "-no-color", "-auto-approve",
          "-var-file=applied.tfvars.json");
    }
    Files.writeString(workDir.resolve("planned.tfvars.json"), JSON.writeValueAsString(scenario.planned()));
    List<String> plan = new ArrayList<>(List.of("plan", "-input=false", "-no-color",
        "-var-file=planned.tfvars.json", "-out=saved.tfplan"));
    if (scenario.destroy()) {
      plan.add("-destroy");
    }
    terraform(workDir, plan.toArray(String[]::new));
    return JSON.readTree(terraform(workDir, "show", "-json", "-no-color", "saved.tfplan"));
  }

  /** Writes every scenario's plan, pretty-printed for readable diffs, into {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "../policies/fixtures");
    Files.createDirectories(target);
    for (Scenario scenario : SCENARIOS) {
      Path work = Files.createTempDirectory("pave-plan-fixture-");
      JsonNode plan;
      try {
        plan = generate(scenario, work);
      } finally {
        deleteRecursively(work);
      }
      Files.writeString(target.resolve(scenario.fixtureFile()), JSON.writeValueAsString(plan) + "\n");
      System.out.println("wrote " + target.resolve(scenario.fixtureFile()));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> vars = new java.util.HashMap<>(BASE);
    vars.put(key, value);
    return Map.copyOf(vars);
  }

  private static void copyConfig(String config, Path workDir) throws IOException {
    try {
      Path source = Path.of(PlanFixtures.class.getResource("/policy/plan-configs/" + config).toURI());
      Files.copy(source.resolve("main.tf"), workDir.resolve("main.tf"));
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /** Runs terraform with a minimal environment (no developer CLI config, no update check). */
  private static String terraform(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(terraformBinary());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(Map.of("PATH", System.getenv("PATH"), "HOME", workDir.toString(),
        "TF_IN_AUTOMATION", "1", "TF_CLI_CONFIG_FILE", "/dev/null", "CHECKPOINT_DISABLE", "1"));
    Path stderr = workDir.resolve("terraform.stderr");
    builder.redirectError(stderr.toFile());
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("terraform " + args[0] + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IOException("terraform " + String.join(" ", args) + " exited " + process.exitValue()
          + ":\n" + Files.readString(stderr) + stdout);
    }
    return stdout;
  }

  /** Terraform is a hard requirement of Pave, so its absence fails the test rather than skipping. */
  private static String terraformBinary() throws IOException {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "terraform");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IOException("terraform is not on PATH; plan fixtures need the real binary");
  }
}
