package dev.pave.api.audit;

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
public class AuditResource {

  private final AuditTrail trail;

  public AuditResource(AuditTrail trail) {
    this.trail = trail;
  }

  @GET
  public Map<String, Object> list(@QueryParam("since") String since, @QueryParam("until") String until,
      @QueryParam("actor") String actor, @QueryParam("team") String team, @QueryParam("action") String action,
      @QueryParam("target") String target, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    AuditTrail.Page page = trail.list(new AuditTrail.Filter(since, until, actor, team, action, target, limit, cursor));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events", page.events());
    body.put("nextCursor", page.nextCursor());
    return body;
  }

  /** JSON Lines for `pave audit export`: the events since {@code since}, then their checkpoints. */
  @GET
  @Path("/export")
  @Produces("application/x-ndjson")
  public StreamingOutput export(@QueryParam("since") String since) {
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
  public Verification verify() {
    return trail.verify();
  }
}
