package dev.pave.workflows.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code terraform apply -json <planfile>}. Only a saved plan is ever applied: Terraform then
 * neither plans again nor asks for approval, and refuses the plan if the state moved on.
 */
final class ApplyCommand {

  private ApplyCommand() {}

  static List<String> args(Path planFile, Duration lockTimeout) {
    TerraformFlags.checkLockTimeout(lockTimeout);
    List<String> args = new ArrayList<>(List.of("apply", "-json"));
    args.addAll(TerraformFlags.UNATTENDED);
    if (lockTimeout != null) {
      args.add(TerraformFlags.lockTimeout(lockTimeout));
    }
    args.add(TerraformFlags.path(planFile));
    return List.copyOf(args);
  }
}
