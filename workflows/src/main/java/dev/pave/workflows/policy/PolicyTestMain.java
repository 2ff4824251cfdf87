package dev.pave.workflows.policy;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code pave policy test <folder>}: runs the policy tests, prints the report, exits 1 on failure. */
public final class PolicyTestMain {
  private PolicyTestMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The exit code: 0 when every test passed, 1 when any failed, 2 on a usage error. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1) {
      err.println("usage: PolicyTestMain <policies folder>");
      return 2;
    }
    PolicyTestReport report = PolicyTestRunner.run(Path.of(args[0]));
    out.print(report.render());
    return report.ok() ? 0 : 1;
  }
}
