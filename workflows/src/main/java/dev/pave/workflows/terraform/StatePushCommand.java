package dev.pave.workflows.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code terraform state push <file>}: puts a state file into the backend. Terraform refuses a
 * state of another lineage or an older serial than the backend's, so a stale file cannot
 * overwrite newer state.
 */
final class StatePushCommand {

  private StatePushCommand() {}

  static List<String> args(Path stateFile, Duration lockTimeout) {
    TerraformFlags.checkLockTimeout(lockTimeout);
    List<String> args = new ArrayList<>(List.of("state", "push", "-no-color"));
    if (lockTimeout != null) {
      args.add(TerraformFlags.lockTimeout(lockTimeout));
    }
    args.add(TerraformFlags.path(stateFile));
    return List.copyOf(args);
  }
}
