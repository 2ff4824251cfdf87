package dev.pave.api.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3 description of the API, no token needed. Written by hand next to the code;
 * OpenApiCoverageTest fails the build when a resource method is missing from it.
 */
@Path("/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {

  private final byte[] spec;

  public OpenApiResource() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream("/dev/pave/api/openapi.json")) {
      spec = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GET
  public byte[] spec() {
    return spec;
  }
}
