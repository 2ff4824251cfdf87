package dev.pave.workflows.policy;

import java.util.List;

/**
 * What {@code pave policy test} found: every case's outcome, and problems that are not a single
 * case (a policy without tests, a test file for no policy, a file that does not parse).
 */
public record PolicyTestReport(String folder, List<PolicyTestOutcome> cases, List<String> problems) {

  public PolicyTestReport {
    cases = List.copyOf(cases);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty() && cases.stream().allMatch(PolicyTestOutcome::ok);
  }

  public List<PolicyTestOutcome> failures() {
    return cases.stream().filter(c -> !c.ok()).toList();
  }

  /** Plain text for a terminal or a build log: one line per case, then problems, then a verdict. */
  public String render() {
    StringBuilder out = new StringBuilder("Policy tests in ").append(folder).append('\n');
    for (PolicyTestOutcome c : cases) {
      out.append(c.ok() ? "  ok    " : "  FAIL  ")
          .append(c.policy()).append(": ").append(c.caseName());
      if (!c.ok()) {
        out.append("\n          expected ").append(c.expected()).append(", got ").append(c.actual())
            .append(" (").append(c.location()).append(')');
        if (c.message() != null) {
          out.append("\n          ").append(c.message());
        }
      }
      out.append('\n');
    }
    if (!problems.isEmpty()) {
      out.append("Problems:\n");
      problems.forEach(p -> out.append("  ").append(p.replace("\n", "\n  ")).append('\n'));
    }
    int failed = failures().size();
    out.append(ok() ? "PASSED: " : "FAILED: ")
        .append(cases.size()).append(" cases, ").append(failed).append(" failed, ")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append('\n');
    return out.toString();
  }
}
