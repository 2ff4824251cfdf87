package dev.pave.api.core;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.db.GuardrailDao;
import dev.pave.api.db.RequestDao;
import dev.pave.api.errors.ApiException;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A cancel and an approval decision on one request, ordered. The workflow reads a stored
 * decision before a cancel, so a cancel that lands after a reject (which the workflow has not yet
 * turned into {@code rejected}) would change nothing: it is refused, as is a decision after a
 * cancel. Both hold the request's row lock (which every lifecycle move takes too) before looking,
 * so two at once are ordered and the second sees the first.
 */
final class CancelOrDecide {

  private CancelOrDecide() {}

  /** Marks the request to be cancelled and audits it; a 409 naming its status when that would change nothing. */
  static void cancel(Handle handle, PavePrincipal caller, String id) {
    RequestDao requests = handle.attach(RequestDao.class);
    requests.lockCancelRequested(id).orElseThrow(() -> ApiException.notFound("request " + id));
    String status = requests.currentStatus(id).orElseThrow();
    Optional<String> rejectedBy = handle.attach(GuardrailDao.class).rejectedBy(id);
    if (rejectedBy.isPresent()) {
      throw new ApiException(409, "request " + id + " is " + status + ", rejected by " + rejectedBy.get()
          + ": there is nothing left to cancel");
    }
    if (requests.requestCancel(id, caller.name(), caller.subject()) == 0) {
      throw new ApiException(409, "request " + id + " is " + status + " and can no longer be cancelled");
    }
    AuditLog.append(handle, AuditEvent.by(caller, "request.cancel_requested", id, Map.of("status", status)));
  }

  /** Called in a decision's transaction before it is stored: a 409 when the request is already being cancelled. */
  static void refuseDecisionAfterCancel(Handle handle, String id) {
    if (handle.attach(RequestDao.class).lockCancelRequested(id).orElse(false)) {
      throw new ApiException(409, "request " + id + " is being cancelled; there is nothing to decide");
    }
  }
}
