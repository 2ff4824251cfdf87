package dev.pave.api.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.pave.api.api.SimulationReport;
import dev.pave.api.api.SimulationRequest;
import dev.pave.api.core.PolicyService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The active policies, and the replay of recorded requests through a candidate set. */
@Path("/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "policies")
public class PolicyResource {

  private final PolicyService policies;

  public PolicyResource(PolicyService policies) {
    this.policies = policies;
  }

  @GET
  @PermitAll
  @Operation(operationId = "listPolicies", summary = "The active policies, with their content hashes",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The policies"))
  public PolicyService.PolicyList active() {
    return new PolicyService.PolicyList(policies.active());
  }

  @POST
  @Path("/simulate")
  @Consumes(MediaType.APPLICATION_JSON)
  // Admins only: a candidate policy is code run over every team's recorded requests and plans.
  @RolesAllowed("admin")
  @Operation(operationId = "simulatePolicies", summary = "Replay recorded requests through a candidate policy set"
      + " (admins)",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "What the candidate set would have decided"),
          @ApiResponse(responseCode = "503", ref = "Unavailable")})
  public SimulationReport simulate(@io.dropwizard.auth.Auth dev.pave.api.auth.PavePrincipal caller,
      SimulationRequest body) {
    return policies.simulate(caller, body);
  }
}
