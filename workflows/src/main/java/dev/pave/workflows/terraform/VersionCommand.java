package dev.pave.workflows.terraform;

import java.util.List;

/** {@code terraform version -json}: the only subcommand that takes neither -input nor -no-color. */
final class VersionCommand {

  private VersionCommand() {}

  static List<String> args() {
    return List.of("version", "-json");
  }
}
