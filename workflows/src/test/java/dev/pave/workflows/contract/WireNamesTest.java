package dev.pave.workflows.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The enums that cross the Temporal boundary keep the wire form that stored workflow histories
 * hold (Temporal's payloads are Jackson JSON): a renamed constant must not change it.
 */
class WireNamesTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void actionsAreTheApisLowerCaseNames() throws Exception {
    assertThat(json.writeValueAsString(RequestAction.APPLY)).isEqualTo("\"apply\"");
    assertThat(json.readValue("\"destroy\"", RequestAction.class)).isEqualTo(RequestAction.DESTROY);
    assertThat(json.readValue("\"plan\"", RequestAction.class)).isEqualTo(RequestAction.PLAN);
    assertThatThrownBy(() -> RequestAction.fromWire("APPLY")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verdictsOutcomesAndDecisionsReadAsHistoriesHoldThem() throws Exception {
    assertThat(json.readValue("\"needs_approval\"", PolicyVerdict.class)).isEqualTo(PolicyVerdict.NEEDS_APPROVAL);
    assertThat(json.writeValueAsString(PolicyVerdict.ALLOWED)).isEqualTo("\"allowed\"");
    assertThat(json.readValue("\"approve\"", ApprovalChoice.class)).isEqualTo(ApprovalChoice.APPROVE);
    assertThat(json.writeValueAsString(ApprovalOutcome.EXPIRED)).isEqualTo("\"expired\"");
    assertThat(json.readValue("\"succeeded\"", RequestStatus.class)).isEqualTo(RequestStatus.SUCCEEDED);
    assertThat(json.writeValueAsString(RequestStatus.AWAITING_APPROVAL)).isEqualTo("\"awaiting_approval\"");
  }

  @Test
  void enforcementLevelsKeepThePolicyFilesHyphens() throws Exception {
    assertThat(json.writeValueAsString(PolicyEnforcement.SOFT_MANDATORY)).isEqualTo("\"soft-mandatory\"");
    assertThat(json.readValue("\"hard-mandatory\"", PolicyEnforcement.class)).isEqualTo(PolicyEnforcement.HARD_MANDATORY);
  }
}
