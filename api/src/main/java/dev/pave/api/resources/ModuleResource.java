package dev.pave.api.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.pave.api.api.ModuleList;
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
@Tag(name = "catalog")
public class ModuleResource {

  private final ModuleCatalog catalog;

  public ModuleResource(ModuleCatalog catalog) {
    this.catalog = catalog;
  }

  @GET
  @Operation(operationId = "listModules", summary = "The catalog: each module's latest version",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The modules"))
  public ModuleList list(@Auth PavePrincipal caller) {
    List<ModuleView> latest = catalog.modules().stream().map(CatalogModule::name).distinct()
        .map(name -> view(catalog.find(name, null).orElseThrow())).toList();
    return new ModuleList(latest);
  }

  @GET
  @Path("/{name}")
  @Operation(operationId = "getModule", summary = "A module: versions, input schema, outputs, cost formula",
      responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The module"))
  public ModuleView get(@Auth PavePrincipal caller, @PathParam("name") String name,
      @Parameter(description = "the latest when left out") @QueryParam("version") String version) {
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
