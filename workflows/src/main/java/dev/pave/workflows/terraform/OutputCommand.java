package dev.pave.workflows.terraform;

import java.util.List;

/** {@code terraform output -json}: every root output, sensitive ones in clear (it takes no -input flag). */
final class OutputCommand {

  private OutputCommand() {}

  static List<String> args() {
    return List.of("output", "-json", "-no-color");
  }
}
