package dev.pave.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.pave.api.core.TimeWindows;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit trail, for auditors and admins (AuditPublicKeyResource serves its key to anyone). */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"auditor", "admin"})
@Tag(name = "audit")
public class AuditResource {

  private final AuditTrail trail;

  public AuditResource(AuditTrail trail) {
    this.trail = trail;
  }

  @GET
  @Operation(operationId = "listAuditEvents", summary = "Audit events, oldest first, a page at a time"
      + " (auditors, admins)",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "A page of events and the next page's cursor"),
          @ApiResponse(responseCode = "422", ref = "Unprocessable")})
  public AuditTrail.Page list(
      @Parameter(description = "\"30d\", \"12h\", \"90m\" (back from now) or an ISO-8601 instant",
          schema = @Schema(type = "string", pattern = TimeWindows.PATTERN))
      @QueryParam("since") String since,
      @Parameter(description = "\"30d\", \"12h\", \"90m\" (back from now; exclusive) or an ISO-8601 instant",
          schema = @Schema(type = "string", pattern = TimeWindows.PATTERN))
      @QueryParam("until") String until,
      @Parameter(description = "a subject or a token name") @QueryParam("actor") String actor,
      @QueryParam("team") String team, @QueryParam("action") String action, @QueryParam("target") String target,
      @Parameter(schema = @Schema(type = "integer", minimum = "1")) @QueryParam("limit") String limit,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
    return trail.list(new AuditTrail.Filter(since, until, actor, team, action, target, limit, cursor));
  }

  /** JSON Lines for `pave audit export`: the events since {@code since}, then their checkpoints. */
  @GET
  @Path("/export")
  @Produces("application/x-ndjson")
  @Operation(operationId = "exportAuditEvents", summary = "JSON Lines of the events since `since` (default 30d),"
      + " then their checkpoints: what `pave audit verify` checks offline (auditors, admins)",
      responses = {@ApiResponse(responseCode = "200", description = "One JSON object a line",
          content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"))),
          @ApiResponse(responseCode = "422", ref = "Unprocessable")})
  public StreamingOutput export(
      @Parameter(description = "\"30d\", \"12h\", \"90m\" (back from now) or an ISO-8601 instant",
          schema = @Schema(type = "string", pattern = TimeWindows.PATTERN))
      @QueryParam("since") String since) {
    String window = since == null ? "30d" : since;
    // Checked before the first byte is written: a bad value is still a 422, not a broken stream.
    dev.pave.api.core.TimeWindows.since("since", window, java.time.Clock.systemUTC());
    return out -> {
      java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
          java.nio.charset.StandardCharsets.UTF_8));
      trail.export(window, line -> {
        try {
          writer.write(line.toString());
          writer.write('\n');
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      writer.flush();
    };
  }

  @GET
  @Path("/verify")
  @Operation(operationId = "verifyAuditChain", summary = "Check the whole chain and its last signed checkpoint"
      + " (auditors, admins)",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Whether the chain holds, and where it breaks"))
  public Verification verify() {
    return trail.verify();
  }
}
