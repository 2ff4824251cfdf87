package dev.pave.workflows.contract;

import static dev.pave.workflows.contract.RequestStatus.APPLYING;
import static dev.pave.workflows.contract.RequestStatus.AWAITING_APPROVAL;
import static dev.pave.workflows.contract.RequestStatus.CANCELLED;
import static dev.pave.workflows.contract.RequestStatus.CHECKING;
import static dev.pave.workflows.contract.RequestStatus.DENIED;
import static dev.pave.workflows.contract.RequestStatus.EXPIRED;
import static dev.pave.workflows.contract.RequestStatus.FAILED;
import static dev.pave.workflows.contract.RequestStatus.PLANNING;
import static dev.pave.workflows.contract.RequestStatus.QUEUED;
import static dev.pave.workflows.contract.RequestStatus.REJECTED;
import static dev.pave.workflows.contract.RequestStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PRODUCT.md's "Request lifecycle" table, written out once more here so that the code is checked against it. */
class RequestLifecycleTest {

  private static final Map<RequestStatus, Set<RequestStatus>> CONTRACT = new EnumMap<>(Map.of(
      QUEUED, EnumSet.of(PLANNING, DENIED, CANCELLED, FAILED),
      PLANNING, EnumSet.of(CHECKING, FAILED, CANCELLED),
      CHECKING, EnumSet.of(AWAITING_APPROVAL, APPLYING, DENIED, CANCELLED, FAILED),
      AWAITING_APPROVAL, EnumSet.of(APPLYING, REJECTED, EXPIRED, CANCELLED, PLANNING, FAILED),
      APPLYING, EnumSet.of(SUCCEEDED, FAILED, PLANNING)));

  @Test
  void everyPairIsAllowedExactlyWhenTheContractListsIt() {
    for (RequestStatus from : RequestStatus.values()) {
      Set<RequestStatus> legal = CONTRACT.getOrDefault(from, EnumSet.noneOf(RequestStatus.class));
      for (RequestStatus to : RequestStatus.values()) {
        assertThat(RequestLifecycle.canMove(from, to)).as("%s -> %s", from, to).isEqualTo(legal.contains(to));
      }
      assertThat(RequestLifecycle.movesFrom(from)).as("moves from %s", from).isEqualTo(legal);
    }
  }

  /** The contract's speculative plan: queued -> planning -> checking -> succeeded | denied | failed | cancelled. */
  private static final Map<RequestStatus, Set<RequestStatus>> PLAN_CONTRACT = new EnumMap<>(Map.of(
      QUEUED, EnumSet.of(PLANNING, DENIED, CANCELLED, FAILED),
      PLANNING, EnumSet.of(CHECKING, FAILED, CANCELLED),
      CHECKING, EnumSet.of(SUCCEEDED, DENIED, CANCELLED, FAILED),
      AWAITING_APPROVAL, EnumSet.of(FAILED),
      APPLYING, EnumSet.of(FAILED)));

  @Test
  void aSpeculativePlanSucceedsFromCheckingAndNeverAwaitsApprovalOrApplies() {
    for (RequestStatus from : RequestStatus.values()) {
      Set<RequestStatus> legal = PLAN_CONTRACT.getOrDefault(from, EnumSet.noneOf(RequestStatus.class));
      for (RequestStatus to : RequestStatus.values()) {
        assertThat(RequestLifecycle.canMove(RequestAction.PLAN, from, to)).as("plan %s -> %s", from, to)
            .isEqualTo(legal.contains(to));
      }
    }
    assertThat(RequestLifecycle.sourcesOf(RequestAction.PLAN, APPLYING)).isEmpty();
    assertThat(RequestLifecycle.sourcesOf(RequestAction.PLAN, AWAITING_APPROVAL)).isEmpty();
    assertThat(RequestLifecycle.sourcesOf(RequestAction.PLAN, SUCCEEDED)).containsExactly(CHECKING);
    // ... and only a plan: an apply succeeds from applying alone, a destroy too.
    assertThat(RequestLifecycle.sourcesOf(RequestAction.APPLY, SUCCEEDED)).containsExactly(APPLYING);
    assertThat(RequestLifecycle.sourcesOf(RequestAction.DESTROY, SUCCEEDED)).containsExactly(APPLYING);
  }

  @Test
  void illegalMovesAreRefused() {
    assertThat(RequestLifecycle.canMove(APPLYING, CANCELLED)).isFalse();
    assertThat(RequestLifecycle.canMove(QUEUED, APPLYING)).isFalse();
    assertThat(RequestLifecycle.canMove(QUEUED, CHECKING)).isFalse();
    assertThat(RequestLifecycle.canMove(CHECKING, PLANNING)).isFalse();
    assertThat(RequestLifecycle.canMove(PLANNING, PLANNING)).isFalse();
    for (RequestStatus to : RequestStatus.values()) {
      assertThat(RequestLifecycle.canMove(SUCCEEDED, to)).as("succeeded -> %s", to).isFalse();
      assertThat(RequestLifecycle.canMove(FAILED, to)).as("failed -> %s", to).isFalse();
    }
  }

  @Test
  void terminalStatusesHaveNoMovesAndFailedIsReachableFromEveryOtherStatus() {
    for (RequestStatus status : RequestStatus.values()) {
      assertThat(RequestLifecycle.movesFrom(status).isEmpty()).as("%s has no moves", status).isEqualTo(status.terminal());
      assertThat(RequestLifecycle.canMove(status, FAILED)).as("%s -> failed", status).isEqualTo(!status.terminal());
    }
  }

  @Test
  void sourcesAreTheInverseOfTheTable() {
    assertThat(RequestLifecycle.sourcesOf(QUEUED)).isEmpty();
    assertThat(RequestLifecycle.sourcesOf(CANCELLED)).containsExactlyInAnyOrder(QUEUED, PLANNING, CHECKING, AWAITING_APPROVAL);
    assertThat(RequestLifecycle.sourcesOf(PLANNING)).containsExactlyInAnyOrder(QUEUED, AWAITING_APPROVAL, APPLYING);
    assertThat(RequestLifecycle.sourcesOf(SUCCEEDED)).containsExactly(APPLYING);
    assertThat(RequestLifecycle.wireSourcesOf(DENIED)).containsExactlyInAnyOrder("queued", "checking");
    for (RequestStatus to : RequestStatus.values()) {
      for (RequestStatus from : RequestLifecycle.sourcesOf(to)) {
        assertThat(RequestLifecycle.canMove(from, to)).isTrue();
      }
    }
  }
}
