package dev.pave.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "destroy", description = "Ask Pave to destroy a workspace (202 at once; --wait to follow it to the end).")
final class DestroyCommand extends SubmitCommand {

  @Option(names = "--wait", description = "follow the request, printing each step, until a terminal status")
  boolean await;

  DestroyCommand(Console console) {
    super(console);
  }

  @Override
  String action() {
    return "destroy";
  }

  @Override
  boolean waits() {
    return await;
  }
}
