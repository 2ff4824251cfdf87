package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one gate for a request's {@code inputs}: they are checked, before anything runs, against
 * exactly the JSON Schema Pave publishes for the module version ({@link CatalogModule#inputSchema()},
 * served by {@code GET /v1/modules}), by a JSON Schema validator. The API and the portal's form
 * both come through here. Every problem is reported at once, sorted by field, in Pave's words
 * ({@link ViolationWording}), never echoing a value: inputs may hold secrets.
 */
public final class InputValidator {
  /** Compiled once per distinct schema; the catalog is fixed at start, so this holds a bounded set. */
  private static final Map<String, CompiledSchema> COMPILED = new ConcurrentHashMap<>();

  private InputValidator() {}

  /** An empty list means the inputs are valid. */
  public static List<FieldError> validate(CatalogModule module, JsonNode inputs) {
    if (inputs == null || !inputs.isObject()) {
      return List.of(new FieldError("inputs", "must be a JSON object"));
    }
    JsonNode schema = module.inputSchema();
    CompiledSchema compiled = COMPILED.computeIfAbsent(schema.toString(), text -> CompiledSchema.of(schema));
    return new InputsWording(module).explain(compiled, inputs);
  }

  /** The top level of a module's inputs: its keys are the module's variables. */
  private static final class InputsWording extends ViolationWording {
    private final CatalogModule module;

    InputsWording(CatalogModule module) {
      super("inputs");
      this.module = module;
    }

    @Override
    String unknownTopLevelKey(String key, Set<String> known) {
      if (module.platformInputs().contains(key)) {
        return "is set by the platform and cannot be given in a request";
      }
      String which = "module " + module.name() + " " + module.version();
      return known.isEmpty()
          ? "is not an input of " + which + " (it has no inputs)"
          : "is not an input of " + which + " (known: " + String.join(", ", known) + ")";
    }

    @Override
    String nullAtTopLevel(String key, boolean required) {
      // Terraform would take an explicit null over the default; a module rarely expects that.
      return required ? "is required" : "must not be null; leave it out to use the default";
    }
  }
}
