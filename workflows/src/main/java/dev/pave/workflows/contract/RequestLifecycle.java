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
 *
 * <p>A speculative plan ({@link RequestAction#PLAN}) has a shorter table of its own: it ends once
 * its plan is checked, so it never awaits approval or applies, and only it may succeed from
 * checking. The methods without an action answer for applies and destroys.
 */
public final class RequestLifecycle {

  private static final Map<RequestStatus, Set<RequestStatus>> MOVES = new EnumMap<>(RequestStatus.class);
  private static final Map<RequestStatus, Set<RequestStatus>> PLAN_MOVES = new EnumMap<>(RequestStatus.class);

  static {
    allow(MOVES, QUEUED, PLANNING, DENIED, CANCELLED);
    allow(MOVES, PLANNING, CHECKING, CANCELLED);
    allow(MOVES, CHECKING, AWAITING_APPROVAL, APPLYING, DENIED, CANCELLED);
    allow(MOVES, AWAITING_APPROVAL, APPLYING, REJECTED, EXPIRED, CANCELLED, PLANNING);
    // Never a cancel once applying: Terraform may be changing real things.
    allow(MOVES, APPLYING, SUCCEEDED, PLANNING);
    // A speculative plan: planned and checked is done; what an apply would wait for only shows in its policies.
    allow(PLAN_MOVES, QUEUED, PLANNING, DENIED, CANCELLED);
    allow(PLAN_MOVES, PLANNING, CHECKING, CANCELLED);
    allow(PLAN_MOVES, CHECKING, SUCCEEDED, DENIED, CANCELLED);
    complete(MOVES);
    complete(PLAN_MOVES);
  }

  private RequestLifecycle() {}

  private static void allow(Map<RequestStatus, Set<RequestStatus>> table, RequestStatus from, RequestStatus... to) {
    table.put(from, EnumSet.of(to[0], to));
  }

  /** Terminal statuses lead nowhere; any unfinished one may fail. */
  private static void complete(Map<RequestStatus, Set<RequestStatus>> table) {
    for (RequestStatus status : RequestStatus.values()) {
      if (status.terminal()) {
        table.put(status, Collections.unmodifiableSet(EnumSet.noneOf(RequestStatus.class)));
      } else {
        // A module gone from the catalog or an error Terraform reports can end any unfinished request.
        table.computeIfAbsent(status, s -> EnumSet.noneOf(RequestStatus.class)).add(FAILED);
      }
    }
  }

  private static Map<RequestStatus, Set<RequestStatus>> table(RequestAction action) {
    return action == RequestAction.PLAN ? PLAN_MOVES : MOVES;
  }

  /** The statuses a request of {@code action} in {@code from} may move to. */
  public static Set<RequestStatus> movesFrom(RequestAction action, RequestStatus from) {
    return Collections.unmodifiableSet(table(action).get(from));
  }

  public static boolean canMove(RequestAction action, RequestStatus from, RequestStatus to) {
    return table(action).get(from).contains(to);
  }

  /** The statuses a request of {@code action} may move to {@code to} from. */
  public static Set<RequestStatus> sourcesOf(RequestAction action, RequestStatus to) {
    EnumSet<RequestStatus> sources = EnumSet.noneOf(RequestStatus.class);
    table(action).forEach((from, targets) -> {
      if (targets.contains(to)) {
        sources.add(from);
      }
    });
    return Collections.unmodifiableSet(sources);
  }

  /** {@link #sourcesOf(RequestAction, RequestStatus)} as wire names, for an SQL {@code status = ANY(:from)}. */
  public static String[] wireSourcesOf(RequestAction action, RequestStatus to) {
    return sourcesOf(action, to).stream().map(RequestStatus::wireName).toArray(String[]::new);
  }

  /** The statuses an apply or destroy in {@code from} may move to; none for a terminal status. */
  public static Set<RequestStatus> movesFrom(RequestStatus from) {
    return movesFrom(RequestAction.APPLY, from);
  }

  public static boolean canMove(RequestStatus from, RequestStatus to) {
    return canMove(RequestAction.APPLY, from, to);
  }

  /** The statuses a move to {@code to} may start from (none for {@code queued}: only an insert makes it). */
  public static Set<RequestStatus> sourcesOf(RequestStatus to) {
    return sourcesOf(RequestAction.APPLY, to);
  }

  /** {@link #sourcesOf} as wire names, for an SQL {@code status = ANY(:from)}. */
  public static String[] wireSourcesOf(RequestStatus to) {
    return wireSourcesOf(RequestAction.APPLY, to);
  }
}
