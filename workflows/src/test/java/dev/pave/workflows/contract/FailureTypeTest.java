package dev.pave.workflows.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** The failure types' names are in stored workflow histories and in the workflow's retry options: they never change. */
class FailureTypeTest {

  @Test
  void typeNamesAndRetryabilityAreThoseTheHistoriesHold() {
    assertThat(FailureType.notRetryable()).containsExactly("TerraformFailed", "StalePlan", "UnknownRequest");
    ApplicationFailure locked = FailureType.STATE_LOCKED.failure("held");
    assertThat(locked.getType()).isEqualTo("StateLocked");
    assertThat(locked.isNonRetryable()).isFalse();
    assertThat(FailureType.BACKEND_UNAVAILABLE.failure("down").getType()).isEqualTo("BackendUnavailable");
    ApplicationFailure stale = FailureType.STALE_PLAN.failure("moved");
    assertThat(stale.isNonRetryable()).isTrue();
    assertThat(FailureType.STALE_PLAN.is(stale)).isTrue();
    assertThat(FailureType.TERRAFORM_FAILED.is(stale)).isFalse();
    assertThat(FailureType.STALE_PLAN.is(new IllegalStateException("StalePlan"))).isFalse();
  }
}
