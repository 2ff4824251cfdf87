package dev.pave.api.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * GET /openapi.json, no token needed: the OpenAPI 3 description generated from the resources
 * Jersey serves under /v1, the first time it is asked for (every resource is registered by then,
 * and a server that is never asked pays nothing). docs/openapi.md says how an endpoint is described.
 */
@Path("/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
@Hidden
public class OpenApiResource {

  private final ResourceConfig jersey;
  private volatile byte[] document;

  public OpenApiResource(ResourceConfig jersey) {
    this.jersey = jersey;
  }

  @GET
  public byte[] document() {
    byte[] generated = document;
    if (generated == null) {
      synchronized (this) {
        if (document == null) {
          document = OpenApiDocument.generate(apiResources());
        }
        generated = document;
      }
    }
    return generated;
  }

  /** The classes of every registered resource under /v1, as Jersey holds them (classes or instances). */
  private Set<Class<?>> apiResources() {
    Set<Class<?>> classes = new HashSet<>(jersey.getClasses());
    jersey.getInstances().forEach(instance -> classes.add(instance.getClass()));
    classes.removeIf(c -> !c.isAnnotationPresent(Path.class) || !c.getAnnotation(Path.class).value().startsWith("/v1"));
    return classes;
  }
}
