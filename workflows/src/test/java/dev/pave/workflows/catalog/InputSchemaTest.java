package dev.pave.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InputSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static String compact(String json) throws Exception {
    return JSON.writeValueAsString(JSON.readTree(json));
  }

  /** Equal as JSON, whatever Java number types Jackson picked (20 as int or long). */
  private static void assertSameJson(JsonNode actual, String expected) throws Exception {
    assertThat(JsonValues.same(actual, json(expected))).as("%s", actual).isTrue();
    assertThat(actual.toString()).isEqualTo(compact(expected));
  }

  @Test
  void postgresDatabaseSchema() throws Exception {
    // Compared as text: the exact JSON, key order included, that GET /v1/modules will serve.
    assertThat(JSON.writeValueAsString(Fixtures.module("postgres-database").inputSchema())).isEqualTo(compact("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "PostgreSQL database",
          "description": "A database and an owner role with a generated password on the platform's PostgreSQL server.",
          "type": "object",
          "properties": {
            "database_name": {
              "type": "string",
              "title": "Database name",
              "description": "Name of the database; its owner role is named after it.",
              "pattern": "^[a-z][a-z0-9_]{2,62}$",
              "examples": ["orders"]
            },
            "connection_limit": {
              "type": "integer",
              "title": "Connection limit",
              "description": "Most connections the owner role may hold at once.",
              "default": 20,
              "minimum": 1,
              "maximum": 500
            }
          },
          "required": ["database_name"],
          "additionalProperties": false
        }
        """));
  }

  @Test
  void platformInputsAreNotInTheSchema() {
    assertThat(Fixtures.module("postgres-database").inputSchema().get("properties").has("server_host")).isFalse();
  }

  @Test
  void collectionObjectAndTupleTypes() throws Exception {
    JsonNode properties = Fixtures.module("typed-inputs").inputSchema().get("properties");
    assertSameJson(properties.get("ports"), """
        {"type": "array", "default": [80, 443], "items": {"type": "number"}, "uniqueItems": true}""");
    assertSameJson(properties.get("rules"), """
        {"type": "array", "default": [], "items": {"type": "object", "additionalProperties": {"type": "string"}}}""");
    assertSameJson(properties.get("owner"), """
        {"type": ["object", "null"], "default": null,
         "properties": {"email": {"type": "string"}, "team": {"type": "string"}},
         "required": ["email"], "additionalProperties": false}""");
    assertSameJson(properties.get("pair"), """
        {"type": "array", "default": ["a", 1],
         "prefixItems": [{"type": "string"}, {"type": "number"}], "items": false, "minItems": 2, "maxItems": 2}""");
    assertSameJson(properties.get("extra"), "{\"default\": null}");
    assertSameJson(properties.get("tier").get("enum"), "[\"small\", \"medium\", \"large\"]");
  }

  @Test
  void aSensitiveInputIsWriteOnlyAndItsDefaultIsNotPublished() {
    JsonNode apiKey = Fixtures.module("typed-inputs").inputSchema().get("properties").get("api_key");
    assertThat(apiKey.get("writeOnly").booleanValue()).isTrue();
    assertThat(apiKey.has("default")).isFalse();
    assertThat(apiKey.toString()).doesNotContain("not-a-real-key");
  }

  @Test
  void patternsArePublishedAnchoredBecausePaveMatchesTheWholeValue() {
    assertThat(InputSchema.anchored("^[a-z]+$")).isEqualTo("^[a-z]+$");
    assertThat(InputSchema.anchored("[a-z]+")).isEqualTo("^(?:[a-z]+)$");
    assertThat(InputSchema.anchored("^a|b$")).isEqualTo("^(?:^a|b$)$");
    assertThat(InputSchema.anchored("^a\\$")).isEqualTo("^(?:^a\\$)$");
  }

  @Test
  void eachCallReturnsAFreshSchema() {
    CatalogModule pg = Fixtures.module("postgres-database");
    pg.inputSchema().put("title", "changed");
    assertThat(pg.inputSchema().get("title").textValue()).isEqualTo("PostgreSQL database");
  }
}
