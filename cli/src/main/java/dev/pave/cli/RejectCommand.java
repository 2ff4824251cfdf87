package dev.pave.cli;

import picocli.CommandLine.Command;

@Command(name = "reject", description = "Reject a request awaiting approval, bound to the plan it shows.")
final class RejectCommand extends DecideCommand {

  RejectCommand(Console console) {
    super(console);
  }

  @Override
  String decision() {
    return "reject";
  }
}
