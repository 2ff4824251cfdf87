package dev.pave.api.core;

import dev.pave.api.db.RequestRow;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the audit trail keeps of a request that was accepted or refused at the door: what it is
 * and its hash, never its inputs (they may hold secrets). One home for both events' details.
 */
final class RequestAuditFacts {

  private RequestAuditFacts() {}

  /** A new, mutable map, so an event may add its own details beside these. */
  static Map<String, Object> of(RequestRow row) {
    Map<String, Object> details = new TreeMap<>();
    details.put("requestHash", row.requestHash());
    details.put("module", row.module() + "@" + row.version());
    details.put("workspace", row.workspace());
    details.put("environment", row.environment());
    details.put("action", row.action());
    details.put("team", row.team());
    return details;
  }
}
