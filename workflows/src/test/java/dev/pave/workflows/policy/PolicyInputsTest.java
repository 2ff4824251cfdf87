package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cel.common.values.NullValue;
import dev.pave.workflows.contract.PolicyOutcome;
import dev.pave.workflows.contract.PolicyVerdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documents built in code, run through the shipped policies as the workflow will. */
class PolicyInputsTest {
  private static final PolicySet SHIPPED = PolicyLoader.load(ShippedPoliciesTest.POLICIES);
  private static final PolicyInputs.Requester REQUESTER =
      new PolicyInputs.Requester("ci-payments", "payments", "requester");
  private static final PolicyInputs.Module MODULE =
      new PolicyInputs.Module("postgres-database", "1.0.0", "platform", "PostgreSQL database");

  private static final PolicyInputs.Workspace LIVE_PROD = new PolicyInputs.Workspace(true, "prod", "live",
      "postgres-database", "1.0.0", "tok_1", "ci-payments", java.time.Instant.parse("2026-11-22T09:00:02Z"));

  private static Map<String, Object> onWorkspace(String environment, String action, PolicyInputs.Workspace workspace) {
    return PolicyInputs.requestStage(new PolicyInputs.Request("req_7Hq2", "postgres-database", "1.0.0", "orders-db",
        environment, action, Map.of("database_name", "orders"), 24L), workspace, REQUESTER, MODULE, 12.5);
  }

  @Test
  void theWorkspaceDocumentCarriesTheStoredFactsAsJsonWouldWriteThem() {
    Map<?, ?> workspace = (Map<?, ?>) onWorkspace("prod", "apply", LIVE_PROD).get("workspace");
    assertThat(workspace.get("exists")).isEqualTo(true);
    assertThat(workspace.get("environment")).isEqualTo("prod");
    assertThat(workspace.get("createdBy")).isEqualTo(Map.of("subject", "tok_1", "name", "ci-payments"));
    assertThat(workspace.get("liveSince")).isEqualTo("2026-11-22T09:00:02Z");
    Map<?, ?> none = (Map<?, ?>) onWorkspace("dev", "apply", PolicyInputs.Workspace.NONE).get("workspace");
    assertThat(none.get("exists")).isEqualTo(false);
    assertThat(java.util.List.<Object>copyOf(none.keySet())).containsExactly("exists", "environment", "status", "module", "version", "createdBy",
        "liveSince");
    assertThat(none.get("environment")).isEqualTo(NullValue.NULL_VALUE);
  }

  @Test
  void aRequestLabelledDevOnAProdWorkspaceWaitsForAnApproverWhateverItsAction() {
    for (String action : new String[] {"apply", "destroy"}) {
      PolicyEvaluation evaluation = SHIPPED.evaluate(PolicyStage.REQUEST, onWorkspace("dev", action, LIVE_PROD));
      assertThat(evaluation.verdict()).as(action + ": " + evaluation.results()).isEqualTo(PolicyVerdict.NEEDS_APPROVAL);
      assertThat(evaluation.results()).filteredOn(r -> r.policy().equals("prod-needs-approval"))
          .singleElement().extracting(PolicyResult::result).isEqualTo(PolicyOutcome.DENY);
    }
    PolicyEvaluation destroy = SHIPPED.evaluate(PolicyStage.REQUEST, onWorkspace("dev", "destroy", LIVE_PROD));
    assertThat(destroy.results()).filteredOn(r -> r.policy().equals("prod-destroy-needs-approval"))
        .singleElement().extracting(PolicyResult::result).isEqualTo(PolicyOutcome.DENY);
  }

  private static Map<String, Object> request(String environment, Long ttlHours, Map<String, ?> inputs,
      Double monthlyUsd) {
    return PolicyInputs.requestStage(new PolicyInputs.Request("req_7Hq2", "postgres-database",
        "1.0.0", "orders-db", environment, "apply", inputs, ttlHours), PolicyInputs.Workspace.NONE, REQUESTER,
        MODULE, monthlyUsd);
  }

  @Test
  void theRequestDocumentHasEveryKeyWithNullsAndLongs() {
    Map<String, Object> input = request("dev", null, Map.of("connection_limit", 20), 12.5);
    assertThat(input).containsOnlyKeys("request", "workspace", "requester", "module", "cost");
    Map<?, ?> request = (Map<?, ?>) input.get("request");
    assertThat(request.get("ttlHours")).isEqualTo(NullValue.NULL_VALUE);
    assertThat(request.get("inputs")).isEqualTo(Map.of("connection_limit", 20L));
    assertThat(input.get("cost")).isEqualTo(Map.of("monthlyUsd", 12.5));
    assertThat(input.get("module")).isEqualTo(Map.of("name", "postgres-database", "version", "1.0.0",
        "owner", "platform", "displayName", "PostgreSQL database"));
  }

  @Test
  void thePlanDocumentAddsThePlanObjectOnly() {
    Map<String, Object> requestStage = request("dev", 24L, Map.of(), 1.0);
    assertThat(PolicyInputs.planStage(requestStage, JsonNodeFactory.instance.objectNode()))
        .containsOnlyKeys("request", "workspace", "requester", "module", "cost", "plan");
    assertThatThrownBy(() -> PolicyInputs.planStage(requestStage, JsonNodeFactory.instance.arrayNode()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOrdinaryDevRequestIsAllowed() {
    PolicyEvaluation evaluation = SHIPPED.evaluate(PolicyStage.REQUEST,
        request("dev", 24L, Map.of("database_name", "orders", "connection_limit", 20), 12.5));
    assertThat(evaluation.verdict()).as(evaluation.results().toString()).isEqualTo(PolicyVerdict.ALLOWED);
    assertThat(evaluation.results()).allSatisfy(r -> assertThat(r.result()).isIn(PolicyOutcome.PASS, PolicyOutcome.SKIP));
  }

  @Test
  void prodNeedsApproval() {
    PolicyEvaluation evaluation = SHIPPED.evaluate(PolicyStage.REQUEST,
        request("prod", null, Map.of("database_name", "orders"), 120.0));
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.NEEDS_APPROVAL);
  }

  @Test
  void devWithoutExpiryIsDenied() {
    PolicyEvaluation evaluation = SHIPPED.evaluate(PolicyStage.REQUEST,
        request("dev", null, Map.of(), 12.5));
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.DENIED);
  }

  @Test
  void aLargeConnectionLimitOnlyWarns() {
    PolicyEvaluation evaluation = SHIPPED.evaluate(PolicyStage.REQUEST,
        request("dev", 24L, Map.of("connection_limit", 500), 12.5));
    assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.ALLOWED);
    assertThat(evaluation.warnings()).extracting(PolicyResult::policy).containsExactly("large-connection-limit");
  }
}
