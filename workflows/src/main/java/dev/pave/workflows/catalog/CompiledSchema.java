package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Schema (Draft 2020-12) compiled by {@code com.networknt:json-schema-validator}, the
 * validator Pave's gate is built on. Schemas and values cross over as JSON text: the library
 * reads Jackson 3 trees, Pave (through Dropwizard) holds Jackson 2 ones, and text is the one
 * form both agree on exactly. Its regular expressions follow ECMA-262 where it matters here:
 * {@code $} ends the value, so {@code "orders\n"} does not pass {@code ^[a-z]+$}.
 */
final class CompiledSchema {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final JsonNode source;
  private final Schema schema;

  private CompiledSchema(JsonNode source) {
    this.source = source.deepCopy();
    this.schema = REGISTRY.getSchema(source.toString(), InputFormat.JSON);
    this.schema.initializeValidators();
  }

  static CompiledSchema of(JsonNode schema) {
    return new CompiledSchema(schema);
  }

  /** The schema as published (Jackson 2), which the violations are explained from. */
  JsonNode source() {
    return source;
  }

  /** Every violation the validator finds; none when the value passes. */
  List<Violation> violations(JsonNode value) {
    List<Violation> found = new ArrayList<>();
    for (com.networknt.schema.Error error : schema.validate(value.toString(), InputFormat.JSON)) {
      List<Object> location = new ArrayList<>();
      var path = error.getInstanceLocation();
      for (int i = 0; i < path.getNameCount(); i++) {
        location.add(path.getElement(i));
      }
      found.add(new Violation(error.getKeyword(), List.copyOf(location), error.getProperty()));
    }
    return found;
  }

  /**
   * One failed assertion: the keyword, where in the value (object keys as strings, array
   * indexes as integers) and, for {@code required} and {@code additionalProperties}, which
   * property. Only names from the schema and the value's shape, never the value itself.
   */
  record Violation(String keyword, List<Object> location, String property) {}
}
