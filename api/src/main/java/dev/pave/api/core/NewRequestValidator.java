package dev.pave.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.api.NewRequest;
import dev.pave.api.api.WorkspaceNameRule;
import dev.pave.api.errors.ApiError.FieldMessage;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.catalog.FieldError;
import dev.pave.workflows.catalog.InputValidator;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.contract.RequestAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a new request before anything is stored or run: every problem is reported at once,
 * each naming its field, and values are never echoed (inputs may hold secrets).
 */
final class NewRequestValidator {

  static final int MAX_TTL_HOURS = 24 * 365;

  private final ModuleCatalog catalog;
  private final Environments environments;

  NewRequestValidator(ModuleCatalog catalog, Environments environments) {
    this.catalog = catalog;
    this.environments = environments;
  }

  /**
   * The catalog module the request names; throws 422 listing every bad field.
   *
   * @param workspaceEnvironment the environment of the caller's own workspace of that name, empty
   *     for a new one (or another team's, which must answer like a new one)
   */
  CatalogModule check(NewRequest body, JsonNode effectiveInputs, Optional<String> workspaceEnvironment) {
    List<FieldMessage> errors = new ArrayList<>();
    requireName(errors, "workspace", body.workspace(), WorkspaceNameRule.PATTERN, "must be " + WorkspaceNameRule.TEXT);
    EnvironmentCheck.problem(environments, body.workspace(), body.environment(), workspaceEnvironment)
        .ifPresent(message -> errors.add(new FieldMessage("environment", message)));
    if (body.action() != null && RequestAction.find(body.action()).isEmpty()) {
      errors.add(new FieldMessage("action", "must be \"apply\", \"destroy\" or \"plan\""));
    }
    if (body.ttlHours() != null && !body.ttlHours().isNull()
        && (!body.ttlHours().canConvertToInt() || !body.ttlHours().isIntegralNumber()
            || body.ttlHours().intValue() < 1 || body.ttlHours().intValue() > MAX_TTL_HOURS)) {
      errors.add(new FieldMessage("ttlHours", "must be a whole number of hours from 1 to " + MAX_TTL_HOURS));
    }
    CatalogModule module = null;
    if (body.module() == null || body.module().isBlank()) {
      errors.add(new FieldMessage("module", "is required"));
    } else {
      Optional<CatalogModule> found = catalog.find(body.module(), body.version());
      if (found.isPresent()) {
        module = found.get();
      } else if (catalog.versions(body.module()).isEmpty()) {
        errors.add(new FieldMessage("module", "is not in the catalog (GET /v1/modules lists it)"));
      } else {
        errors.add(new FieldMessage("version", "is not a version of " + body.module() + " (known: "
            + String.join(", ", catalog.versions(body.module())) + ")"));
      }
    }
    if (module != null) {
      for (FieldError error : InputValidator.validate(module, effectiveInputs)) {
        errors.add(new FieldMessage(error.field(), error.message()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(422, summary(errors), errors);
    }
    return module;
  }

  private static void requireName(List<FieldMessage> errors, String field, String value, Pattern shape, String rule) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldMessage(field, "is required"));
    } else if (!shape.matcher(value).matches()) {
      errors.add(new FieldMessage(field, rule));
    }
  }

  private static String summary(List<FieldMessage> errors) {
    FieldMessage first = errors.get(0);
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
    return "invalid request: " + first.field() + " " + first.message() + more;
  }
}
