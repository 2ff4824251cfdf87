package dev.pave.workflows.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code terraform init}. Always {@code -reconfigure}: a work dir may be reused by another
 * workspace, and Pave never wants Terraform to offer a state migration.
 */
final class InitCommand {

  private InitCommand() {}

  static List<String> args(InitOptions options) {
    List<String> args = new ArrayList<>(List.of("init"));
    args.addAll(TerraformFlags.UNATTENDED);
    args.add("-reconfigure");
    if (options.lockTimeout() != null) {
      args.add(TerraformFlags.lockTimeout(options.lockTimeout()));
    }
    options.backendConfig().forEach((key, value) -> args.add("-backend-config=" + key + "=" + value));
    return List.copyOf(args);
  }
}
