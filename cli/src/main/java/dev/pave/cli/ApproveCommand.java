package dev.pave.cli;

import picocli.CommandLine.Command;

@Command(name = "approve", description = "Approve a request awaiting approval, bound to the plan it shows.")
final class ApproveCommand extends DecideCommand {

  ApproveCommand(Console console) {
    super(console);
  }

  @Override
  String decision() {
    return "approve";
  }
}
