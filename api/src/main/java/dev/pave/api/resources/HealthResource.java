package dev.pave.api.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.pave.api.api.HealthView;
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
@Tag(name = "health")
public class HealthResource {

  private final Readiness readiness;

  public HealthResource(Readiness readiness) {
    this.readiness = readiness;
  }

  @GET
  @Operation(operationId = "health", summary = "Whether Pave and its dependencies are up (no token needed)",
      responses = {@ApiResponse(responseCode = "200", description = "Up",
          content = @Content(schema = @Schema(implementation = HealthView.class))),
          @ApiResponse(responseCode = "503", description = "A dependency is down",
              content = @Content(schema = @Schema(implementation = HealthView.class)))})
  public Response health() {
    Map<String, String> checks = readiness.check();
    boolean ok = checks.values().stream().allMatch("ok"::equals);
    return Response.status(ok ? 200 : 503)
        .entity(new HealthView(ok ? "ok" : "unavailable", checks)).build();
  }
}
