package dev.pave.workflows.terraform;

import java.nio.file.Path;
import java.util.List;

/** {@code terraform show -json <planfile>}: the machine-readable plan (it takes no -input flag). */
final class ShowCommand {

  private ShowCommand() {}

  static List<String> args(Path planFile) {
    return List.of("show", "-json", "-no-color", TerraformFlags.path(planFile));
  }
}
