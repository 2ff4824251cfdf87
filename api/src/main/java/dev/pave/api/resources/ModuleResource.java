package dev.pave.api.resources;

import dev.pave.api.api.ModuleView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.catalog.ModuleCatalog;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The catalog: the golden paths a developer can ask for, with their input schemas. */
@Path("/v1/modules")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ModuleResource {

  private final ModuleCatalog catalog;

  public ModuleResource(ModuleCatalog catalog) {
    this.catalog = catalog;
  }

  @GET
  public Map<String, List<ModuleView>> list(@Auth PavePrincipal caller) {
    List<ModuleView> latest = catalog.modules().stream().map(CatalogModule::name).distinct()
        .map(name -> view(catalog.find(name, null).orElseThrow())).toList();
    return Map.of("modules", latest);
  }

  @GET
  @Path("/{name}")
  public ModuleView get(@Auth PavePrincipal caller, @PathParam("name") String name,
      @QueryParam("version") String version) {
    return catalog.find(name, version).map(this::view)
        .orElseThrow(() -> ApiException.notFound("module " + name + (version == null ? "" : " " + version)));
  }

  private ModuleView view(CatalogModule module) {
    return new ModuleView(module.name(), module.version(), catalog.versions(module.name()), module.displayName(),
        module.description(), module.owner(), module.inputSchema(),
        module.outputs().stream().map(o -> new ModuleView.OutputView(o.name(), o.description(), o.sensitive())).toList(),
        module.costFormula());
  }
}
