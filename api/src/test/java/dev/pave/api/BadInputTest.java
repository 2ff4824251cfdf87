package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way a caller can get a request wrong: a clear 4xx in the API's JSON error shape, naming
 * the field, never echoing the value, and nothing created.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static HttpApi api;
  static String token;
  int requestsBefore;

  @BeforeAll
  static void token() {
    api = new HttpApi(APP.getLocalPort());
    token = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", "dev", "team", "payments", "role", "requester"))
        .body().get("token").asText();
  }

  @BeforeEach
  void count() {
    requestsBefore = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests?limit=500").body().get("requests").size();
  }

  @AfterEach
  void nothingCreated() {
    assertThat(api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests?limit=500").body().get("requests")).hasSize(requestsBefore);
    assertThat(api.get(PaveTestApp.ADMIN_TOKEN, "/v1/workspaces").body().get("workspaces")).isEmpty();
  }

  @Test
  void missingFieldsAreAllNamed() {
    JsonNode error = expect(422, api.post(token, "/v1/requests", Map.of("inputs", Map.of())));
    assertThat(fields(error)).contains("module", "workspace", "environment");
  }

  @Test
  void wrongInputTypeNamesTheInput() {
    JsonNode error = expect(422, request(Map.of("database_name", "orders", "connection_limit", "lots")));
    assertThat(fields(error)).containsExactly("inputs.connection_limit");
  }

  @Test
  void missingRequiredInput() {
    assertThat(fields(expect(422, request(Map.of())))).containsExactly("inputs.database_name");
  }

  @Test
  void anInputTheModuleDoesNotDeclareIsAnError() {
    JsonNode error = expect(422, request(Map.of("database_name", "orders", "databse_nmae", "typo")));
    assertThat(fields(error)).containsExactly("inputs.databse_nmae");
  }

  @Test
  void aPlatformInputCannotBeSetByARequester() {
    assertThat(fields(expect(422, request(Map.of("database_name", "orders", "server_host", "evil.example")))))
        .containsExactly("inputs.server_host");
  }

  @Test
  void unknownModuleAndVersion() {
    assertThat(fields(expect(422, api.post(token, "/v1/requests", Map.of("module", "kafka-topic", "workspace", "ws-a",
        "environment", "dev", "inputs", Map.of()))))).containsExactly("module");
    assertThat(fields(expect(422, api.post(token, "/v1/requests", Map.of("module", "postgres-database", "version", "9.9.9",
        "workspace", "ws-a", "environment", "dev", "inputs", Map.of("database_name", "orders")))))).containsExactly("version");
  }

  @Test
  void shellAndHclMetacharactersAreRejectedAndNeverEchoed() throws Exception {
    Path marker = Path.of("/tmp/pave-pwned-" + ProcessHandle.current().pid());
    List<String> hostile = List.of("x\"; DROP DATABASE postgres; --", "$(touch " + marker + ")",
        "${file(\"/etc/passwd\")}", "`id`", "a'b", "orders\nowner");
    for (String value : hostile) {
      JsonNode error = expect(422, request(Map.of("database_name", value)));
      assertThat(fields(error)).containsExactly("inputs.database_name");
      assertThat(error.toString()).doesNotContain(value);
    }
    JsonNode error = expect(422, api.post(token, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "$(touch " + marker + ")", "environment", "dev", "inputs", Map.of("database_name", "orders"))));
    assertThat(fields(error)).containsExactly("workspace");
    assertThat(Files.exists(marker)).isFalse();
  }

  @Test
  void badActionAndTtl() {
    assertThat(fields(expect(422, api.post(token, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "ws-a", "environment", "dev", "action", "explode", "ttlHours", -3,
        "inputs", Map.of("database_name", "orders")))))).containsExactly("action", "ttlHours");
  }

  @Test
  void notJsonAndWrongShapes() {
    expect(400, api.post(token, "/v1/requests", "{not json"));
    JsonNode wrongType = expect(422, api.post(token, "/v1/requests", "{\"module\": {\"a\": 1}}"));
    assertThat(fields(wrongType)).containsExactly("module");
    JsonNode unknownField = expect(400, api.post(token, "/v1/requests", "{\"modul\": \"postgres-database\"}"));
    assertThat(fields(unknownField)).containsExactly("modul");
    expect(422, api.post(token, "/v1/requests", "null"));
  }

  @Test
  void aBooleanOrNumberIsNeverReadAsText() {
    for (String field : List.of("workspace", "environment", "module", "version", "action")) {
      Map<String, Object> body = new java.util.HashMap<>(Map.of("module", "postgres-database", "workspace", "ws-a",
          "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "orders")));
      for (Object wrong : List.of(true, 7, 1.5)) {
        body.put(field, wrong);
        JsonNode error = expect(422, api.post(token, "/v1/requests", body));
        assertThat(fields(error)).as(field + " = " + wrong).containsExactly(field);
        assertThat(error.at("/errors/0/message").asText()).isEqualTo("must be a string");
      }
    }
  }

  @Test
  void aWholeNumberInputRefusesAFraction() {
    JsonNode error = expect(422, request(Map.of("database_name", "orders", "connection_limit", 1.5)));
    assertThat(fields(error)).containsExactly("inputs.connection_limit");
    assertThat(error.at("/errors/0/message").asText()).contains("whole number");
    JsonNode schema = api.get(token, "/v1/modules/postgres-database").body();
    assertThat(schema.at("/inputSchema/properties/connection_limit/type").asText()).isEqualTo("integer");
  }

  @Test
  void tokenFieldsAreStrictlyTypedAndABadOneStoresNothing() {
    List<Map<String, Object>> wrong = List.of(
        Map.of("name", 5, "team", "payments", "role", "requester"),
        Map.of("name", "typed", "team", 7, "role", "requester"),
        Map.of("name", "typed", "team", "payments", "role", true),
        Map.of("name", "typed", "team", "payments", "role", "requester", "expiresInDays", ""),
        Map.of("name", "typed", "team", "payments", "role", "requester", "expiresInDays", "30"),
        Map.of("name", "typed", "team", "payments", "role", "requester", "expiresInDays", 1.5),
        Map.of("name", "typed", "team", "payments", "role", "requester", "expiresInDays", true));
    List<String> expectedField = List.of("name", "team", "role", "expiresInDays", "expiresInDays", "expiresInDays",
        "expiresInDays");
    for (int i = 0; i < wrong.size(); i++) {
      JsonNode error = expect(422, api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", wrong.get(i)));
      assertThat(fields(error)).as(wrong.get(i).toString()).containsExactly(expectedField.get(i));
    }
    JsonNode error = expect(422, api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        "{\"name\": \"typed\", \"team\": \"payments\", \"role\": \"requester\", \"expiresInDays\": null}"));
    assertThat(fields(error)).containsExactly("expiresInDays");
    // None of them stored a token: the name is still free in its team (names are unique per team).
    assertThat(api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", "typed", "team", "payments",
        "role", "requester", "expiresInDays", 30)).status()).isEqualTo(201);
  }

  @Test
  void oversizedBody() {
    String big = "{\"module\":\"postgres-database\",\"inputs\":{\"database_name\":\"" + "a".repeat(200_000) + "\"}}";
    expect(413, api.post(token, "/v1/requests", big));
  }

  @Test
  void noTokenOrABadOne() {
    expect(401, api.post(null, "/v1/requests", Map.of()));
    expect(401, api.get("pave_not-a-real-token", "/v1/modules"));
    assertThat(api.get(null, "/v1/health").status()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethodsAnswerJson() {
    expect(404, api.get(token, "/v1/nothing-here"));
    expect(404, api.get(token, "/v1/requests/req_doesnotexist0000"));
    expect(404, api.get(token, "/v1/requests/../../etc/passwd"));
    expect(405, api.delete(token, "/v1/modules"));
  }

  @Test
  void onlyAdminsIssueTokens() {
    expect(403, api.post(token, "/v1/tokens", Map.of("name", "x", "team", "payments", "role", "admin")));
    JsonNode error = expect(422, api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", "x", "team", "Bad Team",
        "role", "superuser")));
    assertThat(fields(error)).containsExactly("team", "role");
  }

  @Test
  void aStatusFilterInAnotherSpellingIsRefusedListingTheStatuses() {
    // Upper case used to be read leniently, then compared with the stored lower-case name: an empty 200.
    for (String status : List.of("SUCCEEDED", "done", "Failed")) {
      JsonNode error = expect(422, api.get(token, "/v1/requests?status=" + status));
      assertThat(fields(error)).containsExactly("status");
      assertThat(error.at("/errors/0/message").asText()).contains("queued", "succeeded", "awaiting_approval", "expired");
    }
    assertThat(api.get(token, "/v1/requests?status=succeeded").status()).isEqualTo(200);
  }

  @Test
  void aDestroyOfAWorkspaceThatNeverExistedNamesTheWorkspace() {
    JsonNode error = expect(422, api.post(token, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "never-was", "environment", "dev", "action", "destroy")));
    assertThat(fields(error)).containsExactly("workspace");
    assertThat(error.at("/errors/0/message").asText()).isEqualTo("no workspace named never-was to destroy");
  }

  private HttpApi.Reply request(Map<String, Object> inputs) {
    return api.post(token, "/v1/requests", Map.of("module", "postgres-database", "workspace", "ws-a",
        "environment", "dev", "inputs", inputs));
  }

  private static JsonNode expect(int status, HttpApi.Reply reply) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.body().get("code").asInt()).isEqualTo(status);
    assertThat(reply.body().get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    return reply.body();
  }

  private static List<String> fields(JsonNode error) {
    List<String> fields = new ArrayList<>();
    error.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
