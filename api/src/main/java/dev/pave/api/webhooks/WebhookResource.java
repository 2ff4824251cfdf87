package dev.pave.api.webhooks;

import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** /v1/webhooks: a team's endpoints for request events, and their delivery logs. */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class WebhookResource {

  private final WebhookService webhooks;

  WebhookResource(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "registerWebhook", summary = "Register an endpoint for request events; its signing"
      + " secret is shown this once",
      responses = {
          @ApiResponse(responseCode = "201", description = "Registered",
              content = @Content(schema = @Schema(implementation = RegisteredWebhook.class)),
              headers = @Header(name = "Location", description = "/v1/webhooks/{id}", required = true,
                  schema = @Schema(type = "string", format = "uri-reference"))),
          @ApiResponse(responseCode = "403", ref = "Forbidden")})
  public Response register(@Auth PavePrincipal caller, NewWebhook body) {
    RegisteredWebhook registered = webhooks.register(caller, body);
    return Response.status(201).location(URI.create("/v1/webhooks/" + registered.id())).entity(registered).build();
  }

  @GET
  @Operation(operationId = "listWebhooks", summary = "The endpoints of the caller's team (every team's for"
      + " admins and auditors)",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The endpoints"))
  public WebhookList list(@Auth PavePrincipal caller) {
    return new WebhookList(webhooks.list(caller));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getWebhook", summary = "An endpoint, without its secret",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The endpoint"))
  public WebhookView get(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return webhooks.get(caller, id);
  }

  @DELETE
  @Path("/{id}")
  @Operation(operationId = "deleteWebhook", summary = "Stop and remove an endpoint",
      responses = {@ApiResponse(responseCode = "204", description = "Deleted"),
          @ApiResponse(responseCode = "403", ref = "Forbidden")})
  public Response delete(@Auth PavePrincipal caller, @PathParam("id") String id) {
    webhooks.delete(caller, id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/rotate-secret")
  @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret, shown this once; the old one"
      + " keeps signing beside it for the rotation grace",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The new secret"),
          @ApiResponse(responseCode = "403", ref = "Forbidden")})
  public RegisteredWebhook rotateSecret(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return webhooks.rotateSecret(caller, id);
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(operationId = "listWebhookDeliveries", summary = "An endpoint's delivery log, newest first",
      responses = {@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The deliveries"),
          @ApiResponse(responseCode = "422", ref = "Unprocessable")})
  public DeliveryList deliveries(@Auth PavePrincipal caller, @PathParam("id") String id,
      @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
      @QueryParam("limit") String limit) {
    return new DeliveryList(webhooks.deliveries(caller, id, limit));
  }
}
