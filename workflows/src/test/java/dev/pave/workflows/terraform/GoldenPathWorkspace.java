package dev.pave.workflows.terraform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One workspace of the postgres-database golden path, run as Pave runs it: the module copied to
 * a work dir of its own, the pg backend in a schema of its own, inputs in a .tfvars.json file, the
 * admin's password only in Terraform's environment.
 */
final class GoldenPathWorkspace {

  static final Path MODULE = Path.of("..", "terraform-modules", "postgres-database").toAbsolutePath().normalize();

  private final Terraform terraform;
  private final Path work;
  private final Map<String, String> env;
  private final Map<String, Object> inputs;

  /**
   * @param extraEnv added to Terraform's environment (the admin's PGPASSWORD, libpq settings)
   * @param inputs the module's variables; pave_workspace names the workspace
   */
  GoldenPathWorkspace(EmbeddedPostgres stateStore, Path home, Path work, Map<String, String> extraEnv,
      Map<String, Object> inputs) {
    TerraformSettings settings = TerraformSettings.onPath();
    this.terraform = new Terraform(settings);
    this.work = work;
    this.inputs = inputs;
    copyModule(work);
    TestConfigs.write(work, "_pave_backend.tf", TestConfigs.PG_BACKEND);
    Map<String, String> all = new HashMap<>(extraEnv);
    all.put("PG_CONN_STR", TestPostgres.connStr(stateStore));
    this.env = TerraformEnvironment.minimal(home, settings, all);
    String schema = "ws_" + Long.toHexString(System.nanoTime());
    terraform.init(work, env, new InitOptions(Map.of("schema_name", schema), Duration.ofMinutes(1)));
  }

  /** Plans and applies; throws the wrapper's {@link TerraformException} when Terraform fails. */
  void apply() {
    run(false);
  }

  void destroy() {
    run(true);
  }

  String output(String name) {
    return terraform.outputs(work, env).get(name).value().asText();
  }

  private void run(boolean destroy) {
    Path varFile = TestConfigs.varFile(work, inputs);
    String plan = destroy ? "destroy.tfplan" : "apply.tfplan";
    terraform.plan(work, env, new PlanOptions(varFile, Path.of(plan), destroy, Duration.ofMinutes(1)), TerraformListener.NONE);
    terraform.apply(work, env, Path.of(plan), Duration.ofMinutes(2), TerraformListener.NONE);
  }

  /** The module's files into {@code work}, as Pave copies a module into a run's work dir. */
  static void copyModule(Path work) {
    try (Stream<Path> files = Files.walk(MODULE)) {
      for (Path source : files.toList()) {
        Path target = work.resolve(MODULE.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target); // without the exec bit: the module runs scripts through /bin/sh
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
