package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.workflows.catalog.TerraformType.Primitive;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks at load time that a variable's pave.yaml hints make sense for its type in variables.tf,
 * and that its default, example and enum values pass them: a hint that could never be met, or a
 * default that breaks it, is the module author's mistake and should stop Pave, not a requester.
 */
final class HintConsistency {
  private HintConsistency() {}

  static void check(Path yamlFile, DeclaredVariable variable, InputHints hints) {
    String name = variable.name();
    TerraformType type = variable.type();
    if ((hints.pattern() != null || hints.minLength() != null || hints.maxLength() != null) && type != Primitive.STRING) {
      fail(yamlFile, "input " + name + " has pattern or length hints, which need a string variable, but variables.tf declares " + type);
    }
    if (hints.wholeNumbersOnly() && type != Primitive.NUMBER) {
      fail(yamlFile, "input " + name + " has integer: true, which needs a number variable, but variables.tf declares " + type);
    }
    if ((hints.minimum() != null || hints.maximum() != null) && type != Primitive.NUMBER) {
      fail(yamlFile, "input " + name + " has minimum or maximum hints, which need a number variable, but variables.tf declares " + type);
    }
    if (hints.pattern() != null) {
      try {
        Pattern.compile(hints.pattern());
      } catch (PatternSyntaxException e) {
        fail(yamlFile, "input " + name + " has a pattern that does not compile: " + e.getDescription());
      }
    }
    try {
      // What the gate will compile for every request: a schema the validator refuses stops the load.
      CompiledSchema.of(InputSchema.valueSchema(type, hints));
    } catch (RuntimeException e) {
      fail(yamlFile, "input " + name + " has hints the JSON Schema validator refuses: " + e.getMessage());
    }
    if (isNegative(hints.minLength()) || isNegative(hints.maxLength())) {
      fail(yamlFile, "input " + name + " has a negative length hint");
    }
    if (hints.minLength() != null && hints.maxLength() != null && hints.minLength() > hints.maxLength()) {
      fail(yamlFile, "input " + name + " has minLength above maxLength");
    }
    if (hints.minimum() != null && hints.maximum() != null && hints.minimum().compareTo(hints.maximum()) > 0) {
      fail(yamlFile, "input " + name + " has minimum above maximum");
    }
    if (hints.enumValues() != null) {
      if (hints.enumValues().isEmpty()) {
        fail(yamlFile, "input " + name + " has an empty enum, which no value could meet");
      }
      InputHints typeOnly = new InputHints(null, null, null, null, null, null, null, null, null, hints.integer());
      hints.enumValues().forEach(value -> passes(yamlFile, "an enum value of input " + name, type, typeOnly, value));
    }
    if (hints.example() != null) {
      passes(yamlFile, "the example of input " + name, type, hints, hints.example());
    }
    if (variable.defaultValue() != null && !variable.defaultValue().isNull()) {
      passes(yamlFile, "the default (in variables.tf) of input " + name, type, hints, variable.defaultValue());
    }
  }

  /**
   * Fails, naming {@code what} and the rule, when {@code value} does not meet the type and hints:
   * checked by the same gate, against the same schema, that requests will meet.
   */
  static void passes(Path file, String what, TerraformType type, InputHints hints, JsonNode value) {
    CompiledSchema schema;
    try {
      schema = CompiledSchema.of(InputSchema.valueSchema(type, hints));
    } catch (RuntimeException e) {
      throw new CatalogException(file, what + " cannot be checked: its schema does not compile (" + e.getMessage() + ")");
    }
    List<FieldError> errors = new ViolationWording("value").explain(schema, value);
    if (!errors.isEmpty()) {
      FieldError first = errors.get(0);
      String where = first.field().equals("value") ? "" : " at " + first.field().substring("value".length());
      fail(file, what + where + " " + first.message());
    }
  }

  private static boolean isNegative(Integer n) {
    return n != null && n < 0;
  }

  private static void fail(Path file, String problem) {
    throw new CatalogException(file, problem);
  }
}
