package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the repository's policy tests in the build, so a failing case, a policy without tests or
 * a policy that does not load fails {@code mvn verify}. Maven runs tests from the module folder.
 */
class ShippedPoliciesTest {
  static final Path POLICIES = Path.of("../policies");

  @Test
  void everyShippedPolicyPassesItsTests() {
    PolicyTestReport report = PolicyTestRunner.run(POLICIES);
    assertThat(report.ok()).as(report.render()).isTrue();
    assertThat(report.cases()).isNotEmpty();
  }
}
