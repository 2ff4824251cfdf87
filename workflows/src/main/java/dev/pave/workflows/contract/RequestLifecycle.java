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

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal moves of a request, as PRODUCT.md's "Request lifecycle" table lists them: the one
 * place that says which status may follow which. Every status change in Pave's tables is an
 * UPDATE guarded by {@link #sourcesOf}, so a move this table does not list changes nothing.
 */
public final class RequestLifecycle {

  private static final Map<RequestStatus, Set<RequestStatus>> MOVES = new EnumMap<>(RequestStatus.class);

  static {
    allow(QUEUED, PLANNING, DENIED, CANCELLED);
    allow(PLANNING, CHECKING, CANCELLED);
    allow(CHECKING, AWAITING_APPROVAL, APPLYING, DENIED, CANCELLED);
    allow(AWAITING_APPROVAL, APPLYING, REJECTED, EXPIRED, CANCELLED, PLANNING);
    // Never a cancel once applying: Terraform may be changing real things.
    allow(APPLYING, SUCCEEDED, PLANNING);
    for (RequestStatus status : RequestStatus.values()) {
      if (status.terminal()) {
        MOVES.put(status, Collections.unmodifiableSet(EnumSet.noneOf(RequestStatus.class)));
      } else {
        // A module gone from the catalog or an error Terraform reports can end any unfinished request.
        MOVES.get(status).add(FAILED);
      }
    }
  }

  private RequestLifecycle() {}

  private static void allow(RequestStatus from, RequestStatus... to) {
    MOVES.put(from, EnumSet.of(to[0], to));
  }

  /** The statuses a request in {@code from} may move to; none for a terminal status. */
  public static Set<RequestStatus> movesFrom(RequestStatus from) {
    return Collections.unmodifiableSet(MOVES.get(from));
  }

  public static boolean canMove(RequestStatus from, RequestStatus to) {
    return MOVES.get(from).contains(to);
  }

  /** The statuses a move to {@code to} may start from (none for {@code queued}: only an insert makes it). */
  public static Set<RequestStatus> sourcesOf(RequestStatus to) {
    EnumSet<RequestStatus> sources = EnumSet.noneOf(RequestStatus.class);
    MOVES.forEach((from, targets) -> {
      if (targets.contains(to)) {
        sources.add(from);
      }
    });
    return Collections.unmodifiableSet(sources);
  }

  /** {@link #sourcesOf} as wire names, for an SQL {@code status = ANY(:from)}. */
  public static String[] wireSourcesOf(RequestStatus to) {
    return sourcesOf(to).stream().map(RequestStatus::wireName).toArray(String[]::new);
  }
}
