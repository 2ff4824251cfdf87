package dev.pave.api.resources;

import dev.pave.api.core.Readiness;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The one call without a token: load balancers and scripts wait on it. 503 while a dependency is down. */
@Path("/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  private final Readiness readiness;

  public HealthResource(Readiness readiness) {
    this.readiness = readiness;
  }

  @GET
  public Response health() {
    Map<String, String> checks = readiness.check();
    boolean ok = checks.values().stream().allMatch("ok"::equals);
    return Response.status(ok ? 200 : 503)
        .entity(Map.of("status", ok ? "ok" : "unavailable", "checks", checks)).build();
  }
}
