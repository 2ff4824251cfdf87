package dev.pave.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.auth.PavePrincipal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What happened, by whom, to what: an audit event before the log gives it its place in the chain.
 * Details hold hashes, ids, names and verdicts, never a secret: a key that names one is refused
 * here, so a careless caller fails its test instead of leaking into a record nobody may delete.
 */
public record AuditEvent(String actorSubject, String actorName, String actorTeam, String actorRole, String action,
    String target, ObjectNode details) {

  /** Pave itself, for moves the workflow makes. */
  public static final String SYSTEM = "system";

  private static final Pattern SECRET_KEY = Pattern.compile(".*(token|password|secret|sealed|plaintext|privatekey)$");

  public AuditEvent {
    if (actorSubject == null || actorName == null || action == null) {
      throw new IllegalArgumentException("an audit event needs an actor and an action");
    }
    details = details == null ? CanonicalJson.mapper().createObjectNode() : details.deepCopy();
    refuseSecretsAndFloats(details, action);
  }

  public static AuditEvent by(PavePrincipal caller, String action, String target, Map<String, ?> details) {
    return new AuditEvent(caller.subject(), caller.name(), caller.team(), caller.role().wireName(), action, target,
        CanonicalJson.mapper().valueToTree(details));
  }

  public static AuditEvent bySystem(String action, String target, Map<String, ?> details) {
    return new AuditEvent(SYSTEM, SYSTEM, null, null, action, target, CanonicalJson.mapper().valueToTree(details));
  }

  /**
   * Floats are refused too: their text is not stable across JSON tools (1.0, 1, 1e0), and a hash
   * must be recomputable by any of them. Money and durations go in as integers or strings.
   */
  private static void refuseSecretsAndFloats(JsonNode node, String action) {
    if (node.isFloatingPointNumber()) {
      throw new IllegalArgumentException("audit event " + action + ": no floating-point numbers in details");
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (SECRET_KEY.matcher(field.getKey().toLowerCase(Locale.ROOT)).matches()) {
          throw new IllegalArgumentException("audit event " + action + ": details may not hold " + field.getKey());
        }
        refuseSecretsAndFloats(field.getValue(), action);
      }
    } else if (node.isArray()) {
      node.forEach(element -> refuseSecretsAndFloats(element, action));
    }
  }
}
