package dev.pave.api.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * GET /assets/{file}: the portal's style sheet and htmx (from its WebJar), served by Pave so no page
 * needs a CDN. A fixed list of files: nothing else on the class path can be asked for by name.
 * Each file's name carries its version (htmx) or changes with Pave, so browsers keep them a day.
 */
@Path("/assets")
public class AssetResource {

  private record Asset(String resource, String type) {}

  private static final Map<String, Asset> FILES = Map.of(
      "htmx-2.0.4.min.js", new Asset("/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js",
          "text/javascript; charset=utf-8"),
      "portal.css", new Asset("/dev/pave/api/portal/portal.css", "text/css; charset=utf-8"));

  private final Map<String, byte[]> loaded = new java.util.concurrent.ConcurrentHashMap<>();

  @GET
  @Path("{file}")
  public Response file(@PathParam("file") String file) {
    Asset asset = FILES.get(file);
    if (asset == null) {
      return Response.status(404).type("text/plain").entity("no such asset").build();
    }
    return Response.ok(loaded.computeIfAbsent(file, f -> load(asset.resource())), asset.type())
        .header("Cache-Control", file.equals("htmx-2.0.4.min.js") ? "public, max-age=31536000, immutable"
            : "public, max-age=86400")
        .header("X-Content-Type-Options", "nosniff").build();
  }

  private static byte[] load(String resource) {
    try (InputStream in = AssetResource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing asset " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
