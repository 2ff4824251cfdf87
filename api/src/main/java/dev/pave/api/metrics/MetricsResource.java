package dev.pave.api.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** GET /v1/metrics: the platform's own numbers, definitions included. */
@Path("/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "metrics")
public class MetricsResource {

  private final MetricsService metrics;

  public MetricsResource(MetricsService metrics) {
    this.metrics = metrics;
  }

  @GET
  @Operation(operationId = "getMetrics", summary = "Lead time, self-service rate, change failure rate, adoption"
      + " (docs/metrics.md)",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The numbers of the window"),
          @ApiResponse(responseCode = "422", ref = "Unprocessable")})
  public MetricsReport get(@Auth PavePrincipal caller,
      @Parameter(description = "an ISO-8601 instant or a date (midnight UTC)",
          schema = @Schema(type = "string", pattern = MetricsQuery.PATTERN)) @QueryParam("since") String since,
      @Parameter(description = "an ISO-8601 instant or a date (midnight UTC)",
          schema = @Schema(type = "string", pattern = MetricsQuery.PATTERN)) @QueryParam("until") String until, @QueryParam("team") String team, @QueryParam("module") String module,
      @QueryParam("environment") String environment, @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
      @QueryParam("limit") String limit) {
    return metrics.report(caller, since, until, team, module, environment, limit);
  }
}
