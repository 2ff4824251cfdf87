package dev.pave.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CatalogModule PG = Fixtures.module("postgres-database");
  private static final CatalogModule TYPED = Fixtures.module("typed-inputs");

  private static List<FieldError> validate(CatalogModule module, String inputs) throws Exception {
    return InputValidator.validate(module, JSON.readTree(inputs));
  }

  /** Validates {@code name: "abcd"} (typed-inputs' one required input) plus the given fields. */
  private static List<FieldError> typed(String moreFields) throws Exception {
    return validate(TYPED, "{\"name\": \"abcd\"" + (moreFields.isEmpty() ? "" : ", " + moreFields) + "}");
  }

  private static FieldError error(String field, String message) {
    return new FieldError(field, message);
  }

  @Test
  void acceptsValidInputs() throws Exception {
    assertThat(validate(PG, "{\"database_name\": \"orders\"}")).isEmpty();
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"connection_limit\": 500}")).isEmpty();
    assertThat(typed("""
        "size": 10.5, "tier": "large", "replicas": 3.0, "enabled": false, "zones": ["a", "b"],
        "ports": [80, 8080], "labels": {"team": "payments"}, "rules": [{"port": "443"}],
        "owner": {"email": "a@example.com"}, "pair": ["b", 2], "extra": {"anything": [1, "x"]},
        "untyped": 7, "api_key": "k"
        """)).isEmpty();
  }

  @Test
  void inputsMustBeAnObject() throws Exception {
    List<FieldError> expected = List.of(error("inputs", "must be a JSON object"));
    assertThat(validate(PG, "[]")).isEqualTo(expected);
    assertThat(validate(PG, "\"orders\"")).isEqualTo(expected);
    assertThat(validate(PG, "null")).isEqualTo(expected);
    assertThat(InputValidator.validate(PG, null)).isEqualTo(expected);
  }

  @Test
  void requiredInputsMustBePresentAndNotNull() throws Exception {
    assertThat(validate(PG, "{}")).containsExactly(error("inputs.database_name", "is required"));
    assertThat(validate(PG, "{\"database_name\": null}")).containsExactly(error("inputs.database_name", "is required"));
  }

  @Test
  void nullIsAcceptedOnlyWhereTheDefaultIsNull() throws Exception {
    assertThat(typed("\"owner\": null, \"extra\": null")).isEmpty();
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"connection_limit\": null}"))
        .containsExactly(error("inputs.connection_limit", "must not be null; leave it out to use the default"));
  }

  @Test
  void unknownInputsAreErrorsNamingTheKnownOnes() throws Exception {
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"conection_limit\": 5}"))
        .containsExactly(error("inputs.conection_limit",
            "is not an input of module postgres-database 1.0.0 (known: connection_limit, database_name)"));
  }

  @Test
  void platformInputsCannotBeSetByARequester() throws Exception {
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"server_host\": \"evil.example.com\"}"))
        .containsExactly(error("inputs.server_host", "is set by the platform and cannot be given in a request"));
  }

  @Test
  void typesAreCheckedWithoutCoercion() throws Exception {
    assertThat(validate(PG, "{\"database_name\": 42, \"connection_limit\": \"20\"}")).containsExactly(
        error("inputs.connection_limit", "must be a number"),
        error("inputs.database_name", "must be a string"));
    assertThat(typed("\"enabled\": \"true\", \"zones\": \"a\", \"labels\": [], \"owner\": \"x\", \"pair\": [\"a\"]"))
        .containsExactly(
            error("inputs.enabled", "must be true or false"),
            error("inputs.labels", "must be a map (a JSON object)"),
            error("inputs.owner", "must be an object"),
            error("inputs.pair", "must be a list of exactly 2 elements"),
            error("inputs.zones", "must be a list"));
  }

  @Test
  void elementAndValueTypesAreCheckedAtEveryDepth() throws Exception {
    assertThat(typed("""
        "zones": ["a", 1], "ports": [80, "443", 80.0], "labels": {"team": 1, "x\\"y": null},
        "rules": [{"port": "443"}, {"port": 443}], "pair": [1, "2"]
        """)).containsExactly(
        error("inputs.labels[\"team\"]", "must be a string"),
        error("inputs.labels[\"x\\\"y\"]", "must not be null"),
        error("inputs.pair[0]", "must be a string"),
        error("inputs.pair[1]", "must be a number"),
        error("inputs.ports", "must not repeat a value (it is a set)"),
        error("inputs.ports[1]", "must be a number"),
        error("inputs.rules[1][\"port\"]", "must be a string"),
        error("inputs.zones[1]", "must be a string"));
  }

  @Test
  void objectAttributesAreRequiredTypedAndClosed() throws Exception {
    assertThat(typed("\"owner\": {\"team\": 5, \"emial\": \"a@example.com\"}")).containsExactly(
        error("inputs.owner.email", "is required"),
        error("inputs.owner.emial", "is not an attribute of this object (known: email, team)"),
        error("inputs.owner.team", "must be a string"));
  }

  @Test
  void patternIsAFullMatch() throws Exception {
    assertThat(validate(PG, "{\"database_name\": \"orders; drop\"}"))
        .containsExactly(error("inputs.database_name", "must match ^[a-z][a-z0-9_]{2,62}$"));
    // "abc" would match ^[a-z]+$ inside "abc1" if the pattern were searched for, not matched.
    assertThat(validate(TYPED, "{\"name\": \"abc1\"}"))
        .containsExactly(error("inputs.name", "must match ^[a-z]+$"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "x\"; DROP DATABASE postgres; --",
      "${file(\"/etc/passwd\")}",
      "orders\nDROP",
      "orders\n",
      "orders ",
      "%{ if true }x%{ endif }"})
  void hostileValuesAreRejectedAndNeverEchoed(String hostile) throws Exception {
    JsonNode inputs = JSON.createObjectNode().put("database_name", hostile);
    List<FieldError> errors = InputValidator.validate(PG, inputs);
    assertThat(errors).containsExactly(error("inputs.database_name", "must match ^[a-z][a-z0-9_]{2,62}$"));
    assertThat(errors.toString()).doesNotContain(hostile).doesNotContain("DROP").doesNotContain("passwd");
  }

  @Test
  void valuesOfWrongTypeAreNotEchoedEither() throws Exception {
    String secret = "s3cr3t-password";
    List<FieldError> errors = validate(TYPED, "{\"name\": \"abcd\", \"size\": \"" + secret + "\", "
        + "\"labels\": {\"k\": [\"" + secret + "\"]}, \"api_key\": 123}");
    assertThat(errors).extracting(FieldError::field).containsExactly("inputs.api_key", "inputs.labels[\"k\"]", "inputs.size");
    assertThat(errors.toString()).doesNotContain(secret);
  }

  @Test
  void lengthLimitsCountCharactersNotBytes() throws Exception {
    assertThat(validate(TYPED, "{\"name\": \"ab\"}"))
        .containsExactly(error("inputs.name", "must be at least 3 characters long"));
    assertThat(validate(TYPED, "{\"name\": \"abcdefghijk\"}"))
        .containsExactly(error("inputs.name", "must be at most 10 characters long"));
  }

  @Test
  void lengthLimitsCountCodePoints() throws Exception {
    CatalogModule oneString = new CatalogModule("m", "1.0.0", "m", null, null, PG.directory(),
        List.of(new ModuleInput("s", "string", true, null, null, false,
            new InputHints(null, null, null, null, 3, null, null, null, null, null))),
        List.of(), List.of(), null, "sha256:x");
    // Three emoji are six UTF-16 chars but three characters.
    assertThat(InputValidator.validate(oneString, JSON.createObjectNode().put("s", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"))).isEmpty();
  }

  @Test
  void aNumberMarkedIntegerTakesWholeNumbersOnly() throws Exception {
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"connection_limit\": 1.5}"))
        .containsExactly(error("inputs.connection_limit", "must be a whole number"));
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"connection_limit\": 20.0}")).isEmpty();
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"connection_limit\": 20}")).isEmpty();
    assertThat(typed("\"size\": 1.5")).as("a number without the mark keeps its fractions").isEmpty();
  }

  @Test
  void numericLimits() throws Exception {
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"connection_limit\": 501}"))
        .containsExactly(error("inputs.connection_limit", "must be at most 500"));
    assertThat(validate(PG, "{\"database_name\": \"orders\", \"connection_limit\": 0}"))
        .containsExactly(error("inputs.connection_limit", "must be at least 1"));
    assertThat(typed("\"size\": 10.51")).containsExactly(error("inputs.size", "must be at most 10.5"));
    assertThat(typed("\"size\": 1E1")).isEmpty();
  }

  @Test
  void enumComparesNumbersByValue() throws Exception {
    assertThat(typed("\"tier\": \"huge\"")).containsExactly(error("inputs.tier", "must be one of: small, medium, large"));
    assertThat(typed("\"replicas\": 2")).containsExactly(error("inputs.replicas", "must be one of: 1, 3, 5"));
    assertThat(typed("\"replicas\": 5.0")).isEmpty();
  }

  @Test
  void reportsEveryErrorSortedByField() throws Exception {
    assertThat(validate(PG, "{\"zz\": 1, \"connection_limit\": 9999, \"aa\": true}"))
        .extracting(FieldError::field)
        .containsExactly("inputs.aa", "inputs.connection_limit", "inputs.database_name", "inputs.zz");
  }
}
