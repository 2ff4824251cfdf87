/**
 * The Terraform CLI wrapper, in the style of hashicorp/terraform-exec: one small class per
 * subcommand builds an argument list from typed options ({@link InitCommand}, {@link PlanCommand},
 * ...), {@link TerraformRunner} executes it without a shell, and {@code -json} output is read into
 * typed records. {@link Terraform} is the entry point the rest of Pave codes against.
 */
package dev.pave.workflows.terraform;
