package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.support.HttpApi;
import dev.pave.api.support.JerseyRoutes;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /openapi.json, served without a token, is read by a real OpenAPI parser without a single
 * message, and describes exactly the routes Jersey serves under /v1, each with its id and errors.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiCoverageTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static OpenAPI document;

  @BeforeAll
  static void parse() {
    HttpApi.Reply reply = new HttpApi(APP.getLocalPort()).get(null, "/openapi.json");
    assertThat(reply.status()).isEqualTo(200);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.raw().body(), null, options);
    assertThat(parsed.getMessages()).as("the parser's messages").isEmpty();
    document = parsed.getOpenAPI();
  }

  @Test
  void itIsOpenApi3WithABearerScheme() {
    assertThat(document.getOpenapi()).startsWith("3.");
    assertThat(document.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
    assertThat(document.getSecurity()).anyMatch(requirement -> requirement.containsKey("bearer"));
  }

  @Test
  void itNamesItsServerRelativelySoItHoldsBehindAProxy() {
    // Read from the served text: the parser fills in "/" for a document without servers.
    com.fasterxml.jackson.databind.JsonNode served = new HttpApi(APP.getLocalPort()).get(null, "/openapi.json").body();
    assertThat(served.at("/servers/0/url").asText()).as(served.path("servers").toString()).isEqualTo("/");
    assertThat(served.get("servers")).hasSize(1);
  }

  @Test
  void everyRouteServedUnderV1IsDocumentedAndEveryDocumentedRouteIsServed() {
    Set<String> served = JerseyRoutes.under(APP.getEnvironment(), "/v1");
    Set<String> documented = new TreeSet<>();
    operations((route, operation) -> documented.add(route));
    assertThat(served).as("Jersey's routes under /v1").hasSizeGreaterThan(15);
    Set<String> undocumented = new TreeSet<>(served);
    undocumented.removeAll(documented);
    Set<String> unserved = new TreeSet<>(documented);
    unserved.removeAll(served);
    assertThat(undocumented).as("served but not in /openapi.json (docs/openapi.md says how to describe them)")
        .isEmpty();
    assertThat(unserved).as("in /openapi.json but not served").isEmpty();
  }

  @Test
  void theHtmlPagesAreNotInIt() {
    assertThat(document.getPaths().keySet()).allMatch(path -> path.startsWith("/v1/"));
  }

  @Test
  void everyOperationHasItsOwnIdAndA2xxAnswer() {
    List<String> ids = new ArrayList<>();
    operations((route, operation) -> {
      assertThat(operation.getOperationId()).as(route + " operationId").isNotBlank().doesNotContain("_");
      ids.add(operation.getOperationId());
      assertThat(operation.getResponses().keySet()).as(route).anyMatch(status -> status.startsWith("2"));
    });
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
  }

  @Test
  void everyErrorAnswerIsTheOneErrorBodyAndTheRulesErrorsAreThere() {
    operations((route, operation) -> {
      operation.getResponses().forEach((status, response) -> {
        if (status.startsWith("4")) {
          assertThat(errorSchema(response)).as(route + " " + status).isEqualTo("#/components/schemas/ApiError");
        }
      });
      Set<String> statuses = operation.getResponses().keySet();
      boolean anonymous = operation.getSecurity() != null && operation.getSecurity().isEmpty();
      if (!anonymous) {
        assertThat(statuses).as(route + " needs a token").contains("401", "429");
      }
      if (operation.getRequestBody() != null) {
        assertThat(statuses).as(route + " reads a body").contains("400", "413", "415", "422");
      }
      if (route.contains("{")) {
        assertThat(statuses).as(route + " names something").contains("404");
      }
    });
    assertThat(document.getPaths().get("/v1/health").getGet().getSecurity()).isEmpty();
    assertThat(document.getPaths().get("/v1/tokens").getPost().getResponses()).containsKey("403");
  }

  @Test
  void theHeadersAndFormatsCallersRelyOn() {
    ApiResponse accepted = document.getPaths().get("/v1/requests").getPost().getResponses().get("202");
    assertThat(accepted.getHeaders()).containsKeys("Location", "Idempotent-Replayed");
    var since = document.getPaths().get("/v1/audit").getGet().getParameters().stream()
        .filter(p -> p.getName().equals("since")).findFirst().orElseThrow();
    assertThat("30d").matches(since.getSchema().getPattern());
    assertThat("2026-11-02T00:00:00Z").matches(since.getSchema().getPattern());
    assertThat("yesterday").doesNotMatch(since.getSchema().getPattern());
    var createdAt = (io.swagger.v3.oas.models.media.Schema<?>) document.getComponents().getSchemas()
        .get("RequestView").getProperties().get("createdAt");
    assertThat(createdAt.getFormat()).isEqualTo("date-time");
    // environment may be left out on an existing workspace (then it is the workspace's).
    assertThat(document.getComponents().getSchemas().get("NewRequest").getRequired())
        .containsExactlyInAnyOrder("module", "workspace");
  }

  @Test
  void theLaterEndpointsSayTheirHeadersAndTheirOwnErrors() {
    assertThat(document.getPaths().get("/v1/webhooks").getPost().getResponses().get("201").getHeaders())
        .containsKey("Location");
    // The OIDC exchange takes no bearer token, yet refuses its own credential and counts the failures.
    Operation oidc = document.getPaths().get("/v1/auth/oidc").getPost();
    assertThat(oidc.getSecurity()).isEmpty();
    assertThat(oidc.getResponses()).containsKeys("200", "401", "422", "429");
    assertThat(oidc.getResponses().get("200").getHeaders()).containsKey("Cache-Control");
    assertThat(document.getPaths().get("/v1/requests/{id}/feedback").getPost().getResponses())
        .containsKeys("201", "403", "404", "409", "422");
  }

  @Test
  void speculativePlansAreInIt() {
    var schemas = document.getComponents().getSchemas();
    var action = (io.swagger.v3.oas.models.media.Schema<?>) schemas.get("NewRequest").getProperties().get("action");
    assertThat(action.getEnum()).map(String::valueOf).containsExactlyInAnyOrder("apply", "destroy", "plan");
    var changes = (io.swagger.v3.oas.models.media.Schema<?>) schemas.get("PlanSummaryView").getProperties()
        .get("changes");
    assertThat(changes.getNullable()).isTrue();
    assertThat(changes.getItems().get$ref()).endsWith("/PlanChangeView");
  }

  private static String errorSchema(ApiResponse response) {
    ApiResponse resolved = response;
    if (response.get$ref() != null) {
      resolved = document.getComponents().getResponses()
          .get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
    }
    return resolved.getContent().get("application/json").getSchema().get$ref();
  }

  private static void operations(BiConsumer<String, Operation> each) {
    document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) ->
        each.accept(verb.name().toUpperCase(Locale.ROOT) + " " + path, operation)));
  }
}
