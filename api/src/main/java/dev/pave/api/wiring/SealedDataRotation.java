package dev.pave.api.wiring;

import dev.pave.workflows.crypto.SecretBox;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of an encryption key rotation: at start, everything still sealed with a
 * previous key (plans, their JSON, workspaces' sensitive outputs, webhook secrets) is sealed
 * again with the current one, so the previous key can be removed from the configuration
 * afterwards. Runs only while previous keys are configured; idempotent, so every process of a cluster may run it.
 */
final class SealedDataRotation {

  private static final Logger LOG = LoggerFactory.getLogger(SealedDataRotation.class);

  private SealedDataRotation() {}

  /** Returns how many sealed values moved to the current key. */
  static int resealAll(Jdbi jdbi, SecretBox secrets) {
    if (!secrets.hasPreviousKeys()) {
      return 0;
    }
    int moved = jdbi.inTransaction(handle -> reseal(handle, secrets, "workspaces", "name", "workspace:", "sealed_secrets")
        + reseal(handle, secrets, "plans", "request_id", "", "sealed")
        + reseal(handle, secrets, "plans", "request_id", "", "sealed_json")
        + reseal(handle, secrets, "webhook_endpoints", "id", "webhook-secret:", "sealed_secret")
        + reseal(handle, secrets, "webhook_endpoints", "id", "webhook-secret:", "sealed_previous_secret"));
    LOG.info("encryption key rotation: {} sealed values moved to the current key; once every process runs with"
        + " the new key, previousEncryptionKeys can be removed", moved);
    return moved;
  }

  /** Constant table and column names only (this class's callers above), never input. */
  private static int reseal(Handle handle, SecretBox secrets, String table, String keyColumn, String contextPrefix,
      String column) {
    List<Map<String, Object>> rows = handle.createQuery(
        "SELECT " + keyColumn + " AS id, " + column + " AS sealed FROM " + table + " WHERE " + column + " IS NOT NULL"
            + " FOR UPDATE").mapToMap().list();
    int moved = 0;
    for (Map<String, Object> row : rows) {
      String id = (String) row.get("id");
      var resealed = secrets.resealed((byte[]) row.get("sealed"), contextPrefix + id);
      if (resealed.isPresent()) {
        handle.createUpdate("UPDATE " + table + " SET " + column + " = :sealed WHERE " + keyColumn + " = :id")
            .bind("sealed", resealed.get()).bind("id", id).execute();
        moved++;
      }
    }
    return moved;
  }
}
