package dev.pave.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply", description = "Ask Pave to apply a workspace (202 at once; --wait to follow it to the end).")
final class ApplyCommand extends SubmitCommand {

  @Option(names = "--wait", description = "follow the request, printing each step, until a terminal status")
  boolean await;

  ApplyCommand(Console console) {
    super(console);
  }

  @Override
  String action() {
    return "apply";
  }

  @Override
  boolean waits() {
    return await;
  }
}
