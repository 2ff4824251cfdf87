package dev.pave.api.webhooks;

import dev.pave.api.auth.PavePrincipal;
import io.dropwizard.auth.Auth;
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
import java.util.List;
import java.util.Map;

/** /v1/webhooks: a team's endpoints for request events, and their delivery logs. */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

  private final WebhookService webhooks;

  WebhookResource(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@Auth PavePrincipal caller, NewWebhook body) {
    RegisteredWebhook registered = webhooks.register(caller, body);
    return Response.status(201).location(URI.create("/v1/webhooks/" + registered.id())).entity(registered).build();
  }

  @GET
  public Map<String, List<WebhookView>> list(@Auth PavePrincipal caller) {
    return Map.of("webhooks", webhooks.list(caller));
  }

  @GET
  @Path("/{id}")
  public WebhookView get(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return webhooks.get(caller, id);
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@Auth PavePrincipal caller, @PathParam("id") String id) {
    webhooks.delete(caller, id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/rotate-secret")
  public RegisteredWebhook rotateSecret(@Auth PavePrincipal caller, @PathParam("id") String id) {
    return webhooks.rotateSecret(caller, id);
  }

  @GET
  @Path("/{id}/deliveries")
  public Map<String, List<DeliveryView>> deliveries(@Auth PavePrincipal caller, @PathParam("id") String id,
      @QueryParam("limit") String limit) {
    return Map.of("deliveries", webhooks.deliveries(caller, id, limit));
  }
}
