package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces every value a {@code terraform show -json} plan marks sensitive with {@link #MARKER}.
 *
 * <p>Why: Terraform writes sensitive values in clear in the plan JSON (prior state, the before and
 * after of each change, variables, outputs) and says which ones they are only in side masks.
 * Policies, simulations and the stored copy of the plan must never see them: a policy is code
 * that anyone who may write one can aim at a secret, one bit per evaluation.
 *
 * <p>The masks followed: {@code before_sensitive}/{@code after_sensitive} beside {@code
 * before}/{@code after} (resource changes, drift, output changes), {@code sensitive_values} beside
 * {@code values} (resources of planned values and prior state, in every module), {@code
 * sensitive: true} on outputs, and {@code sensitive = true} variables in the configuration (their
 * values under {@code variables} and their defaults). A mask is {@code true} (the whole value),
 * {@code false}, or an object/array shaped like the value. {@code after_unknown} holds no value and
 * is kept. Redacting twice gives the same document, so old stored plans can be redacted on read.
 *
 * <p>The masks are not enough on their own: Terraform does not carry a mark over to a computed
 * attribute, so {@code terraform_data}'s {@code output} (a copy of its sensitive {@code input}, the
 * way the postgres-database module keeps its generated password) is written unmarked, in clear.
 * So every string found at a masked place is also hunted down everywhere else in the document: a
 * string equal to one is replaced, and so is a string containing one of {@value #MIN_EMBEDDED}
 * characters or more (a connection string built around a password). Over-hiding is the safe side.
 * Sensitive numbers and booleans are hidden where marked only.
 */
public final class SensitivePlanValues {

  /** What a sensitive value reads as, in place of the value. */
  public static final String MARKER = "(sensitive)";

  /** Shorter secrets are hunted as whole strings only, or common words would vanish everywhere. */
  static final int MIN_EMBEDDED = 8;

  /** The mask of a value that is sensitive as a whole. */
  private static final JsonNode TRUE_MASK = BooleanNode.TRUE;

  /** Strings found at masked places, hunted everywhere else once the masks are walked. */
  private final Set<String> secrets = new HashSet<>();

  private SensitivePlanValues() {}

  /** A redacted deep copy of a plan document; the argument is left untouched. */
  public static JsonNode redact(JsonNode plan) {
    if (plan == null || !plan.isObject()) {
      return plan;
    }
    ObjectNode copy = ((ObjectNode) plan).deepCopy();
    new SensitivePlanValues().redactDocument(copy);
    return copy;
  }

  private void redactDocument(ObjectNode plan) {
    for (String changes : List.of("resource_changes", "resource_drift")) {
      for (JsonNode rc : plan.path(changes)) {
        redactChange(rc.path("change"));
      }
    }
    for (JsonNode deferred : plan.path("deferred_changes")) {
      redactChange(deferred.path("resource_change").path("change"));
    }
    plan.path("output_changes").forEach(this::redactChange);
    redactValues(plan.path("planned_values"));
    redactValues(plan.path("prior_state").path("values"));
    redactVariables(plan);
    secrets.remove(MARKER);
    secrets.remove("");
    if (!secrets.isEmpty()) {
      sweep(plan);
    }
  }

  private void redactChange(JsonNode change) {
    if (change instanceof ObjectNode object) {
      redactField(object, "before", object.get("before_sensitive"));
      redactField(object, "after", object.get("after_sensitive"));
    }
  }

  /** {@code planned_values} or {@code prior_state.values}: outputs and the module tree. */
  private void redactValues(JsonNode values) {
    values.path("outputs").forEach(output -> {
      if (output instanceof ObjectNode object && object.path("sensitive").asBoolean(false)) {
        redactField(object, "value", TRUE_MASK);
      }
    });
    redactModule(values.path("root_module"));
  }

  private void redactModule(JsonNode module) {
    for (JsonNode resource : module.path("resources")) {
      if (resource instanceof ObjectNode object) {
        redactField(object, "values", object.get("sensitive_values"));
      }
    }
    module.path("child_modules").forEach(this::redactModule);
  }

  /** Root variables marked sensitive in the configuration, and every sensitive variable's default. */
  private void redactVariables(ObjectNode plan) {
    JsonNode root = plan.path("configuration").path("root_module");
    if (plan.get("variables") instanceof ObjectNode variables) {
      root.path("variables").fields().forEachRemaining(e -> {
        if (e.getValue().path("sensitive").asBoolean(false) && variables.get(e.getKey()) instanceof ObjectNode v) {
          redactField(v, "value", TRUE_MASK);
        }
      });
    }
    redactDefaults(root);
  }

  private void redactDefaults(JsonNode module) {
    module.path("variables").forEach(variable -> {
      if (variable instanceof ObjectNode object && object.path("sensitive").asBoolean(false)) {
        redactField(object, "default", TRUE_MASK);
      }
    });
    module.path("module_calls").forEach(call -> redactDefaults(call.path("module")));
  }

  private void redactField(ObjectNode parent, String field, JsonNode mask) {
    JsonNode value = parent.get(field);
    if (value == null || mask == null) {
      return;
    }
    JsonNode redacted = redact(value, mask);
    if (redacted != value) {
      parent.set(field, redacted);
    }
  }

  /**
   * The value with its masked parts replaced; {@code value} itself when nothing is masked. A mask
   * of a shape that does not fit the value hides the whole value: when unsure, hide.
   */
  private JsonNode redact(JsonNode value, JsonNode mask) {
    if (mask.isBoolean() && !mask.booleanValue()) {
      return value;
    }
    if (mask.isObject() && value.isObject()) {
      ObjectNode object = (ObjectNode) value;
      List<String> names = new ArrayList<>();
      mask.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        redactField(object, name, mask.get(name));
      }
      return value;
    }
    if (mask.isArray() && value.isArray()) {
      ArrayNode array = (ArrayNode) value;
      for (int i = 0; i < mask.size() && i < array.size(); i++) {
        JsonNode element = array.get(i);
        JsonNode redacted = redact(element, mask.get(i));
        if (redacted != element) {
          array.set(i, redacted);
        }
      }
      return value;
    }
    if (value.isNull() || ((mask.isObject() || mask.isArray()) && mask.isEmpty())) {
      return value; // nothing inside is sensitive (an empty mask), or there is nothing to hide
    }
    collectStrings(value);
    return TextNode.valueOf(MARKER);
  }

  private void collectStrings(JsonNode value) {
    if (value.isTextual()) {
      secrets.add(value.textValue());
    } else {
      value.forEach(this::collectStrings);
    }
  }

  /** Replaces, anywhere in the tree, strings that are or embed a secret found at a masked place. */
  private void sweep(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        if (child.isTextual() && isSecret(child.textValue())) {
          object.set(name, TextNode.valueOf(MARKER));
        } else {
          sweep(child);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        if (child.isTextual() && isSecret(child.textValue())) {
          array.set(i, TextNode.valueOf(MARKER));
        } else {
          sweep(child);
        }
      }
    }
  }

  private boolean isSecret(String text) {
    if (secrets.contains(text)) {
      return true;
    }
    for (String secret : secrets) {
      if (secret.length() >= MIN_EMBEDDED && text.contains(secret)) {
        return true;
      }
    }
    return false;
  }
}
