package dev.pave.workflows.policy;

import java.nio.file.Path;

/** {@code pave policy test <folder>}: runs the policy tests, prints the report, exits 1 on failure. */
public final class PolicyTestMain {
  private PolicyTestMain() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: PolicyTestMain <policies folder>");
      System.exit(2);
    }
    PolicyTestReport report = PolicyTestRunner.run(Path.of(args[0]));
    System.out.print(report.render());
    System.exit(report.ok() ? 0 : 1);
  }
}
