package dev.pave.api.feedback;

import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
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
public class FeedbackResource {

  private final FeedbackService feedback;

  public FeedbackResource(FeedbackService feedback) {
    this.feedback = feedback;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(@Auth PavePrincipal caller, @PathParam("id") String id, FeedbackBody body) {
    return Response.status(201).entity(feedback.record(caller, id, body)).build();
  }
}
