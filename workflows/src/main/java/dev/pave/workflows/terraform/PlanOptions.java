package dev.pave.workflows.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@code terraform plan}.
 *
 * @param varFile the request's inputs as a {@code .tfvars.json} file, or null
 * @param planOut where to save the plan; apply accepts nothing else
 * @param destroy plan the destruction of everything in the state
 * @param lockTimeout how long to wait for the state lock; null means Terraform's default (none)
 */
public record PlanOptions(Path varFile, Path planOut, boolean destroy, Duration lockTimeout) {

  public PlanOptions {
    Objects.requireNonNull(planOut, "planOut");
    TerraformFlags.checkLockTimeout(lockTimeout);
  }
}
