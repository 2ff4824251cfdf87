package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.workflows.contract.PolicyOutcome;
import dev.pave.workflows.contract.PolicyVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plan policy against JSON the real terraform binary produces now, not only committed files. */
class PlanFixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = ShippedPoliciesTest.POLICIES.resolve("fixtures");

  @TempDir Path work;

  private static Map<String, Object> planInput(String action, JsonNode plan) {
    Map<String, Object> requestStage = PolicyInputs.requestStage(
        new PolicyInputs.Request("req_1", "postgres-database", "1.0.0", "orders-db", "dev", action,
            Map.of("database_name", "orders"), 24L),
        PolicyInputs.Workspace.NONE,
        new PolicyInputs.Requester("ci-payments", "payments", "requester"),
        new PolicyInputs.Module("postgres-database", "1.0.0", "platform", "PostgreSQL database"),
        12.5);
    return PolicyInputs.planStage(requestStage, plan);
  }

  @Test
  void aFreshlyPlannedReplaceIsDenied() throws Exception {
    JsonNode plan = PlanFixtures.generate(PlanFixtures.scenario("replace"), work);
    PolicySet shipped = PolicyLoader.load(ShippedPoliciesTest.POLICIES);

    PolicyEvaluation apply = shipped.evaluate(PolicyStage.PLAN, planInput("apply", plan));
    assertThat(apply.results()).filteredOn(r -> r.policy().equals("no-database-replace"))
        .singleElement().extracting(PolicyResult::result).isEqualTo(PolicyOutcome.DENY);
    assertThat(apply.verdict()).isEqualTo(PolicyVerdict.DENIED);

    PolicyEvaluation destroy = shipped.evaluate(PolicyStage.PLAN, planInput("destroy", plan));
    assertThat(destroy.verdict()).isEqualTo(PolicyVerdict.ALLOWED);
  }

  /** Committed fixtures must still be what terraform produces: same addresses, same actions. */
  @ParameterizedTest
  @MethodSource("scenarios")
  void committedFixtureMatchesTheBinary(PlanFixtures.Scenario scenario) throws Exception {
    JsonNode fresh = PlanFixtures.generate(scenario, work);
    JsonNode committed = JSON.readTree(Files.readString(FIXTURES.resolve(scenario.fixtureFile())));
    assertThat(changes(committed)).as(scenario.fixtureFile()).isEqualTo(changes(fresh));
  }

  static List<PlanFixtures.Scenario> scenarios() {
    return PlanFixtures.SCENARIOS;
  }

  private static List<String> changes(JsonNode plan) {
    List<String> changes = new ArrayList<>();
    plan.path("resource_changes").forEach(rc ->
        changes.add(rc.path("address").asText() + " " + rc.path("change").path("actions")));
    return changes;
  }
}
