package dev.pave.api.openapi;

import dev.pave.api.errors.ApiError;
import io.dropwizard.auth.Auth;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The error answers, all with the one error body ({@link ApiError}). Those that follow from Pave's
 * own rules are added to every operation they apply to, from the code rather than by hand, so a
 * new endpoint cannot forget them: 401 and 429 (the failed-authentication limit) wherever a token
 * is needed, 403 where a role is, 404 where a path names something, and 400, 413, 415 and 422
 * wherever a JSON body is read. The others (404 without a path name, 409, 422 of query
 * parameters, 503) are where the operation says so: {@code @ApiResponse(responseCode = "409",
 * ref = "Conflict")}.
 */
final class ErrorResponses {

  /** Component names, by status: what an operation's {@code ref} names. */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();
  private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

  static {
    name("400", "BadRequest", "The body is not JSON, or a header or the URI is malformed");
    name("401", "Unauthorized", "No valid bearer token (unknown, revoked or expired)");
    name("403", "Forbidden", "The token's role may not do this");
    name("404", "NotFound", "Nothing of that name that the caller's team may see (another team's answers 404 too)");
    name("409", "Conflict", "The state does not allow it (already decided, already terminal, a name taken)");
    name("413", "PayloadTooLarge", "The body is larger than maxRequestBytes");
    name("415", "UnsupportedMediaType", "The body is not application/json");
    name("422", "Unprocessable", "A field is missing or invalid; errors[] names each one");
    name("429", "TooManyRequests", "Too many failed authentications from this address, or too many runs for the"
        + " team; Retry-After says when to try again");
    name("503", "Unavailable", "A dependency (PostgreSQL, Temporal) is down; retry later");
  }

  private ErrorResponses() {}

  private static void name(String status, String name, String description) {
    NAMES.put(status, name);
    DESCRIPTIONS.put(status, description);
  }

  static Components components(Components components) {
    ModelConverters.getInstance().readAll(ApiError.class).forEach(components::addSchemas);
    NAMES.forEach((status, name) -> components.addResponses(name, new ApiResponse()
        .description(DESCRIPTIONS.get(status))
        .content(new Content().addMediaType("application/json",
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))))));
    components.getResponses().get(NAMES.get("429")).addHeaderObject("Retry-After", new Header().required(true)
        .description("seconds to wait before trying again").schema(new IntegerSchema()));
    return components;
  }

  static void addTo(OpenAPI document, Set<Class<?>> resources) {
    for (Class<?> resource : resources) {
      Resource model = Resource.from(resource);
      visit(document, model, model.getPath());
    }
  }

  private static void visit(OpenAPI document, Resource resource, String path) {
    for (ResourceMethod method : resource.getResourceMethods()) {
      PathItem item = document.getPaths() == null ? null : document.getPaths().get(RoutePaths.normalize(path));
      Operation operation = item == null ? null
          : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.getHttpMethod()));
      if (operation != null) {
        add(operation, method);
      }
    }
    for (Resource child : resource.getChildResources()) {
      visit(document, child, RoutePaths.join(path, child.getPath()));
    }
  }

  private static void add(Operation operation, ResourceMethod method) {
    Method java = method.getInvocable().getDefinitionMethod();
    Class<?> owner = java.getDeclaringClass();
    boolean roles = java.isAnnotationPresent(RolesAllowed.class)
        || (owner.isAnnotationPresent(RolesAllowed.class) && !java.isAnnotationPresent(PermitAll.class));
    boolean token = roles || java.isAnnotationPresent(PermitAll.class) || owner.isAnnotationPresent(PermitAll.class)
        || Arrays.stream(java.getParameterAnnotations()).flatMap(Arrays::stream).anyMatch(Auth.class::isInstance);
    boolean body = method.getInvocable().getParameters().stream().anyMatch(p -> p.getSource() == Source.ENTITY);
    boolean named = method.getInvocable().getParameters().stream().anyMatch(p -> p.getSource() == Source.PATH);
    if (!token) {
      operation.setSecurity(List.of()); // `security: []`: no token needed
    }
    ApiResponses responses = operation.getResponses();
    for (String status : NAMES.keySet()) {
      boolean applies = switch (status) {
        case "401", "429" -> token;
        case "403" -> roles;
        case "404" -> named;
        case "400", "413", "415", "422" -> body;
        default -> false;
      };
      if (applies && !responses.containsKey(status)) {
        responses.addApiResponse(status, new ApiResponse().$ref(NAMES.get(status)));
      }
    }
  }
}
