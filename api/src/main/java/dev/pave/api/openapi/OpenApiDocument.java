package dev.pave.api.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI document of the given resource classes: swagger-core reads their JAX-RS and
 * swagger annotations and their records; Pave adds what follows from its own rules (who needs a
 * token, who needs a role, what a body can get wrong) in {@link ErrorResponses}.
 */
public final class OpenApiDocument {

  static {
    // Once per JVM (this class's initialisation): swagger-core's converters and extensions are global.
    ModelConverters.getInstance().addConverter(new RecordsAreComplete());
    ModelConverters.getInstance().addConverter(new JsonTrees());
    OpenAPIExtensions.getExtensions().add(0, new AuthIsNoParameter());
  }

  private OpenApiDocument() {}

  public static byte[] generate(Set<Class<?>> resources) {
    OpenAPI base = new OpenAPI()
        .info(new Info().title("Pave").version(version())
            .description("Self-service infrastructure from a catalog of vetted Terraform modules. Every call but"
                + " GET /v1/health needs `Authorization: Bearer <token>`. Errors are always"
                + " {code, message, errors: [{field, message}]}."))
        .components(ErrorResponses.components(new Components()
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A Pave API token (POST /v1/tokens)"))))
        // Relative: the paths are on the server that served this document, whatever name a proxy
        // in front gives it (an absolute URL from the configuration would be wrong from inside).
        .servers(List.of(new Server().url("/").description("the server this document was read from")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
    // Sorted, so the document is the same from one start to the next.
    Set<Class<?>> ordered = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
    ordered.addAll(resources);
    OpenAPI document = new Reader(new SwaggerConfiguration().openAPI(base).sortOutput(true))
        .read(new LinkedHashSet<>(ordered));
    ErrorResponses.addTo(document, ordered);
    try {
      return Json.pretty().writeValueAsBytes(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String version() {
    String version = OpenApiDocument.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
