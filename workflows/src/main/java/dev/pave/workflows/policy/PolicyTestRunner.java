package dev.pave.workflows.policy;

import dev.pave.workflows.contract.PolicyOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every {@code <policy>.tests.yaml} beside the policies in a folder. Beyond the cases
 * themselves it insists on coverage: each policy needs a case expecting {@code deny} and one
 * expecting {@code pass} (a policy tested only one way could be {@code true} or {@code false}),
 * and one expecting {@code skip} when it has a {@code when}.
 */
public final class PolicyTestRunner {
  private PolicyTestRunner() {}

  public static PolicyTestReport run(Path policiesDir) {
    List<String> problems = new ArrayList<>();
    PolicySet policies;
    try {
      policies = PolicyLoader.load(policiesDir);
    } catch (PolicyLoadException e) {
      problems.add("policies do not load: " + e.getMessage());
      return new PolicyTestReport(policiesDir.toString(), List.of(), problems);
    }
    Map<String, List<PolicyTestCase>> casesByPolicy = new HashMap<>();
    for (Path testFile : PolicyLoader.files(policiesDir, n -> n.endsWith(PolicyLoader.TESTS_SUFFIX))) {
      PolicyTestFileParser.Parsed parsed = PolicyTestFileParser.parse(testFile);
      problems.addAll(parsed.problems());
      String name = SourceFiles.stem(testFile, PolicyLoader.TESTS_SUFFIX);
      Policy policy = policies.policy(name).orElse(null);
      if (policy == null || !Objects.equals(policy.source().getParent(), testFile.getParent())) {
        problems.add(testFile + ": no policy named '" + name + "' beside it (tests for policy X are"
            + " X.tests.yaml in X.yaml's folder)");
        continue;
      }
      casesByPolicy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(parsed.cases());
    }
    List<PolicyTestOutcome> outcomes = new ArrayList<>();
    for (Policy policy : policies.policies()) {
      List<PolicyTestCase> cases = casesByPolicy.getOrDefault(policy.name(), List.of());
      problems.addAll(coverageProblems(policy, cases));
      cases.forEach(c -> outcomes.add(run(policy, c)));
    }
    return new PolicyTestReport(policiesDir.toString(), outcomes, problems);
  }

  private static PolicyTestOutcome run(Policy policy, PolicyTestCase testCase) {
    PolicyResult result = policy.evaluate(testCase.input());
    return new PolicyTestOutcome(policy.name(), testCase.name(), testCase.expect(), result.result().wireName(),
        testCase.expect().equals(result.result().wireName()), testCase.location(), result.message());
  }

  private static List<String> coverageProblems(Policy policy, List<PolicyTestCase> cases) {
    String where = policy.source().resolveSibling(policy.name() + PolicyLoader.TESTS_SUFFIX).toString();
    if (cases.isEmpty()) {
      return List.of("policy " + policy.name() + " has no tests (add " + where + ")");
    }
    List<String> needed = new ArrayList<>(List.of(PolicyOutcome.PASS.wireName(), PolicyOutcome.DENY.wireName()));
    if (policy.when() != null) {
      needed.add(PolicyOutcome.SKIP.wireName());
    }
    return needed.stream()
        .filter(expect -> cases.stream().noneMatch(c -> c.expect().equals(expect)))
        .map(expect -> "policy " + policy.name() + " has no case expecting " + expect + " (in " + where + ")")
        .toList();
  }
}
