package dev.pave.api.cli;

import dev.pave.workflows.policy.PolicyTestReport;
import dev.pave.workflows.policy.PolicyTestRunner;
import java.io.PrintStream;
import java.nio.file.Path;

/** `pave policy test`: the same runner the build uses, on any folder. */
final class PolicyTests {

  private PolicyTests() {}

  static boolean run(Path policies, PrintStream out) {
    PolicyTestReport report = PolicyTestRunner.run(policies);
    out.println(report.render());
    return report.ok();
  }
}
