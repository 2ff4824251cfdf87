package dev.pave.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.workflows.crypto.Hashes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An event in its place in the chain, as stored and as served: {seq, at, actor: {subject, name,
 * team, role}, action, target, details, prevHash, hash}. The hash is SHA-256 over the canonical
 * JSON of that object without "hash" (docs/audit.md): the same bytes online and offline.
 */
public record AuditRecord(long seq, Instant at, String actorSubject, String actorName, String actorTeam,
    String actorRole, String action, String target, JsonNode details, String prevHash, String hash) {

  /** Milliseconds, as every time in the API reads, so that the served text is the hashed text. */
  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  /** The event as served and exported, hash included. */
  public ObjectNode json() {
    ObjectNode node = unhashed();
    node.put("hash", hash);
    return node;
  }

  /** What the hash covers: every field but the hash itself, prevHash included. */
  public String computedHash() {
    return Hashes.sha256(CanonicalJson.bytes(unhashed()));
  }

  private ObjectNode unhashed() {
    ObjectNode node = CanonicalJson.mapper().createObjectNode();
    node.put("seq", seq);
    node.put("at", AT.format(at));
    ObjectNode actor = node.putObject("actor");
    actor.put("subject", actorSubject);
    actor.put("name", actorName);
    actor.put("team", actorTeam);
    actor.put("role", actorRole);
    node.put("action", action);
    node.put("target", target);
    node.set("details", details);
    node.put("prevHash", prevHash);
    return node;
  }

  /** Reads an event back from its served or exported JSON (offline verification). */
  public static AuditRecord fromJson(JsonNode node) {
    JsonNode actor = node.path("actor");
    return new AuditRecord(node.path("seq").asLong(), Instant.parse(node.path("at").asText()),
        text(actor, "subject"), text(actor, "name"), text(actor, "team"), text(actor, "role"),
        text(node, "action"), text(node, "target"), node.path("details"), text(node, "prevHash"), text(node, "hash"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
