package dev.pave.api.metrics;

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
public class MetricsResource {

  private final MetricsService metrics;

  public MetricsResource(MetricsService metrics) {
    this.metrics = metrics;
  }

  @GET
  public MetricsReport get(@Auth PavePrincipal caller, @QueryParam("since") String since,
      @QueryParam("until") String until, @QueryParam("team") String team, @QueryParam("module") String module,
      @QueryParam("environment") String environment, @QueryParam("limit") String limit) {
    return metrics.report(caller, since, until, team, module, environment, limit);
  }
}
