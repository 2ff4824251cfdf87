package dev.pave.workflows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a request's {@code inputs} against a module before anything runs. Reports every problem,
 * sorted by field, so a developer fixes a request in one round. Messages name the field and the
 * rule, never the value: inputs may hold secrets, and error messages end up in logs.
 */
public final class InputValidator {
  private InputValidator() {}

  /** An empty list means the inputs are valid. */
  public static List<FieldError> validate(CatalogModule module, JsonNode inputs) {
    if (inputs == null || !inputs.isObject()) {
      return List.of(new FieldError("inputs", "must be a JSON object"));
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    for (ModuleInput input : module.inputs()) {
      known.add(input.name());
      checkInput("inputs." + input.name(), input, inputs.get(input.name()), errors);
    }
    inputs.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        errors.add(new FieldError("inputs." + key, unknownInputMessage(module, key, known)));
      }
    });
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return List.copyOf(errors);
  }

  private static void checkInput(String field, ModuleInput input, JsonNode value, List<FieldError> errors) {
    if (value == null || value.isNull()) {
      if (input.required()) {
        errors.add(new FieldError(field, "is required"));
      } else if (value != null && (input.defaultValue() == null || !input.defaultValue().isNull())) {
        // Terraform would take an explicit null over the default; a module rarely expects that.
        errors.add(new FieldError(field, "must not be null; leave it out to use the default"));
      }
      return;
    }
    int before = errors.size();
    TypeCheck.check(field, input.type(), value, errors);
    if (errors.size() == before) {
      HintCheck.check(field, input.hints(), value, errors);
    }
  }

  private static String unknownInputMessage(CatalogModule module, String key, Set<String> known) {
    if (module.platformInputs().contains(key)) {
      return "is set by the platform and cannot be given in a request";
    }
    String which = "module " + module.name() + " " + module.version();
    return known.isEmpty()
        ? "is not an input of " + which + " (it has no inputs)"
        : "is not an input of " + which + " (known: " + String.join(", ", known) + ")";
  }
}
