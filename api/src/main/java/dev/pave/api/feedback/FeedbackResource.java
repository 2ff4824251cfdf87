package dev.pave.api.feedback;

import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** POST /v1/requests/{id}/feedback: 201 with the feedback recorded. */
@Path("/v1/requests/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "requests")
public class FeedbackResource {

  private final FeedbackService feedback;

  public FeedbackResource(FeedbackService feedback) {
    this.feedback = feedback;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "giveFeedback", summary = "Score a finished request (its requester, once)",
      responses = {@ApiResponse(responseCode = "201", description = "Recorded",
          content = @Content(schema = @Schema(implementation = FeedbackView.class))),
          @ApiResponse(responseCode = "403", ref = "Forbidden"),
          @ApiResponse(responseCode = "409", ref = "Conflict")})
  public Response record(@Auth PavePrincipal caller, @PathParam("id") String id, FeedbackBody body) {
    return Response.status(201).entity(feedback.record(caller, id, body)).build();
  }
}
