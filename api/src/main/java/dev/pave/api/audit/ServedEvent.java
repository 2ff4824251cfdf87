package dev.pave.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of an event as {@link AuditRecord#json()} serves it, for the OpenAPI document only:
 * that JSON is built by hand because its bytes are hashed. OpenApiDocumentTest validates served
 * events against this, so the two cannot drift apart unnoticed.
 */
@Schema(name = "AuditEvent")
public record ServedEvent(long seq, @Schema(format = "date-time") String at, Actor actor, String action,
    @Schema(nullable = true) String target, @Schema(nullable = true) JsonNode details,
    @Schema(nullable = true, description = "null on the first event") String prevHash, String hash) {

  /** Who: the token's subject, and its name, team and role at the time. */
  @Schema(name = "AuditActor")
  public record Actor(String subject, @Schema(nullable = true) String name, @Schema(nullable = true) String team,
      @Schema(nullable = true) String role) {}
}
