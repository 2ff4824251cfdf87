package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestRunnerTest {
  @TempDir Path dir;

  private static final String PROD_TESTS = """
      cases:
        - name: dev passes
          input:
            request: {environment: dev}
          expect: pass
        - name: prod is denied
          inputFile: fixtures/prod.json
          expect: deny
      """;

  @BeforeEach
  void prodPolicy() {
    PolicyFiles.write(dir, "prod.yaml",
        PolicyFiles.policy("prod", "request", "soft-mandatory", null, "request.environment == 'prod'"));
    PolicyFiles.write(dir, "fixtures/prod.json", "{\"request\": {\"environment\": \"prod\"}}");
  }

  @Test
  void passingCasesMakeAnOkReport() {
    PolicyFiles.write(dir, "prod.tests.yaml", PROD_TESTS);
    PolicyTestReport report = PolicyTestRunner.run(dir);
    assertThat(report.ok()).as(report.render()).isTrue();
    assertThat(report.cases()).extracting(PolicyTestOutcome::caseName)
        .containsExactly("dev passes", "prod is denied");
    assertThat(report.render()).contains("ok    prod: dev passes").contains("PASSED: 2 cases, 0 failed");
  }

  @Test
  void aFailingCaseFailsTheReportAndSaysWhere() {
    PolicyFiles.write(dir, "prod.tests.yaml", PROD_TESTS.replace("expect: pass", "expect: deny")
        + "  - name: staging passes\n    input: {request: {environment: staging}}\n    expect: pass\n");
    PolicyTestReport report = PolicyTestRunner.run(dir);
    assertThat(report.ok()).isFalse();
    PolicyTestOutcome failure = report.failures().get(0);
    assertThat(failure.caseName()).isEqualTo("dev passes");
    assertThat(failure.expected()).isEqualTo("deny");
    assertThat(failure.actual()).isEqualTo("pass");
    assertThat(failure.location()).endsWith("prod.tests.yaml:2");
    assertThat(report.render()).contains("FAIL  prod: dev passes", "expected deny, got pass",
        "FAILED: 3 cases, 1 failed");
  }

  @Test
  void aPolicyWithoutTestsFailsTheReport() {
    PolicyTestReport report = PolicyTestRunner.run(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).singleElement().asString()
        .contains("policy prod has no tests (add " + dir.resolve("prod.tests.yaml") + ")");
  }

  @Test
  void aPolicyTestedOnlyOneWayFailsTheReport() {
    PolicyFiles.write(dir, "prod.tests.yaml", "cases:\n  - name: dev\n    input: {request: {environment: dev}}\n"
        + "    expect: pass\n");
    PolicyTestReport report = PolicyTestRunner.run(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).singleElement().asString().contains("no case expecting deny");
  }

  @Test
  void aTestFileForAnUnknownPolicyFailsTheReport() {
    PolicyFiles.write(dir, "prod.tests.yaml", PROD_TESTS);
    PolicyFiles.write(dir, "prdo.tests.yaml", PROD_TESTS);
    PolicyTestReport report = PolicyTestRunner.run(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).singleElement().asString()
        .contains("prdo.tests.yaml: no policy named 'prdo'");
  }

  @Test
  void aBrokenCaseIsAProblemWithItsLineAndTheOthersStillRun() {
    PolicyFiles.write(dir, "prod.tests.yaml", PROD_TESTS
        + "  - name: typo\n    input: {request: {environment: dev}}\n    expcet: pass\n");
    PolicyTestReport report = PolicyTestRunner.run(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.cases()).hasSize(2);
    assertThat(report.problems()).singleElement().asString()
        .contains("prod.tests.yaml:11: case 3: unknown field 'expcet'");
  }

  @Test
  void aMissingInputFileIsAProblem() {
    PolicyFiles.write(dir, "prod.tests.yaml", PROD_TESTS.replace("fixtures/prod.json", "fixtures/nope.json"));
    PolicyTestReport report = PolicyTestRunner.run(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).anySatisfy(p -> assertThat(p)
        .contains("prod.tests.yaml:7: case 2: no file " + dir.resolve("fixtures/nope.json")));
  }

  @Test
  void policiesThatDoNotLoadFailTheReport() {
    PolicyFiles.write(dir, "broken.yaml", "name: broken\n");
    PolicyTestReport report = PolicyTestRunner.run(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).singleElement().asString()
        .contains("policies do not load").contains("broken.yaml:1: missing required field");
  }

  @Test
  void mainExitsNonZeroOnFailureAndPrintsTheReport() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(PolicyTestMain.run(new String[] {dir.toString()}, print, print)).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("policy prod has no tests");

    PolicyFiles.write(dir, "prod.tests.yaml", PROD_TESTS);
    assertThat(PolicyTestMain.run(new String[] {dir.toString()}, print, print)).isEqualTo(0);
    assertThat(PolicyTestMain.run(new String[] {}, print, print)).isEqualTo(2);
  }
}
