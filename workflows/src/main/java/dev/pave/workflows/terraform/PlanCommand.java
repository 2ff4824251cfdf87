package dev.pave.workflows.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code terraform plan -json -detailed-exitcode -out=...}: exit 0 means no changes, 2 changes,
 * anything else an error; the saved plan is what policies check and apply applies.
 */
final class PlanCommand {

  static final int EXIT_NO_CHANGES = 0;
  static final int EXIT_CHANGES = 2;

  private PlanCommand() {}

  static List<String> args(PlanOptions options) {
    List<String> args = new ArrayList<>(List.of("plan"));
    args.addAll(TerraformFlags.UNATTENDED);
    args.add("-json");
    args.add("-detailed-exitcode");
    if (options.lockTimeout() != null) {
      args.add(TerraformFlags.lockTimeout(options.lockTimeout()));
    }
    if (options.destroy()) {
      args.add("-destroy");
    }
    if (options.varFile() != null) {
      args.add("-var-file=" + options.varFile());
    }
    args.add("-out=" + options.planOut());
    return List.copyOf(args);
  }
}
