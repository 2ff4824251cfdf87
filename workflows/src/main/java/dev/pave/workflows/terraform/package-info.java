/**
 * The Terraform CLI wrapper, in the style of hashicorp/terraform-exec: one small class per
 * subcommand builds an argument list from typed options ({@link dev.pave.workflows.terraform.InitCommand},
 * {@link dev.pave.workflows.terraform.PlanCommand}, ...), {@link dev.pave.workflows.terraform.TerraformRunner}
 * executes it without a shell, and {@code -json} output is read into typed records.
 *
 * <p>{@link dev.pave.workflows.terraform.Terraform} is the entry point. A run, as an activity does it:
 * <pre>{@code
 * Terraform tf = new Terraform(TerraformSettings.onPath());
 * Map<String, String> env = TerraformEnvironment.minimal(home, settings,
 *     Map.of("PG_CONN_STR", stateDbUrl, "PGPASSWORD", targetAdminPassword));
 * tf.init(dir, env, new InitOptions(Map.of("schema_name", workspaceSchema), lockTimeout));
 * var ctx = Activity.getExecutionContext();                 // heartbeat from the reader thread
 * PlanResult plan = tf.plan(dir, env, new PlanOptions(dir.resolve("inputs.tfvars.json"),
 *     Path.of("tfplan"), false, lockTimeout), event -> ctx.heartbeat(event.path("type").asText()));
 * PlanDocument reviewed = tf.show(dir, env, Path.of("tfplan"));  // what policies evaluate, secrets redacted
 * tf.apply(dir, env, Path.of("tfplan"), lockTimeout, TerraformListener.NONE);
 * }</pre>
 *
 * <p>Things to know: with the pg backend, never use a lock timeout of 0 (a new workspace's first
 * apply blocks every other workspace's lock, see {@code TerraformStateLockTest}); {@code show}
 * and {@code outputs} return sensitive values in clear; a bad {@code .tfvars.json} key that the
 * module does not declare is only a warning to Terraform, so check inputs before planning.
 */
package dev.pave.workflows.terraform;
