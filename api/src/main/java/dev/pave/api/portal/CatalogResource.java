package dev.pave.api.portal;

import dev.pave.api.api.ModuleView;
import dev.pave.api.resources.ModuleResource;
import dev.pave.workflows.catalog.ModuleCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The catalog: {@code /} (once signed in) and {@code /catalog} list every golden path,
 * {@code /catalog/{module}} shows one with its README. It reads through the API's own
 * {@link ModuleResource}, so the page and GET /v1/modules cannot disagree.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogResource {

  private final PortalPages pages;
  private final ModuleResource modules;
  private final ModuleCatalog catalog;

  CatalogResource(PortalPages pages, ModuleResource modules, ModuleCatalog catalog) {
    this.pages = pages;
    this.modules = modules;
    this.catalog = catalog;
  }

  public record Entry(ModuleView module, List<InputField> inputs) {}

  public record ModulePage(ModuleView module, List<InputField> inputs, String readme) {}

  @GET
  public Response home(@Context HttpHeaders headers, @Context UriInfo uri) {
    return list(headers, uri);
  }

  @GET
  @Path("catalog")
  public Response list(@Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      List<Entry> entries = modules.list(caller).modules().stream()
          .map(m -> new Entry(m, InputField.of(m.inputSchema()))).toList();
      return PortalPages.html(200, new PortalView("catalog.ftlh", "Catalog", caller, entries)).build();
    });
  }

  @GET
  @Path("catalog/{module}")
  public Response module(@PathParam("module") String name, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.forCaller(headers, uri, caller -> {
      ModuleView module = modules.get(caller, name, null);
      String readme = ModuleReadme.html(catalog.find(module.name(), module.version()).orElseThrow().directory());
      return PortalPages.html(200, new PortalView("module.ftlh", module.displayName(), caller,
          new ModulePage(module, InputField.of(module.inputSchema()), readme))).build();
    });
  }
}
