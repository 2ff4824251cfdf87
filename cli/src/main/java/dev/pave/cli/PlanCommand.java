package dev.pave.cli;

import picocli.CommandLine.Command;

/**
 * A speculative plan ("action": "plan"): init, plan and the policies, nothing applied. It always
 * waits: exit 0 when planned and no policy denies it, 3 when denied.
 */
@Command(name = "plan", description = "Plan a change and check it against the policies; applies nothing.")
final class PlanCommand extends SubmitCommand {

  PlanCommand(Console console) {
    super(console);
  }

  @Override
  String action() {
    return "plan";
  }

  @Override
  boolean waits() {
    return true;
  }
}
