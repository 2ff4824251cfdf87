package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved plan as {@code terraform show -json} describes it: what plan policies evaluate.
 *
 * <p>{@code raw} as {@link Terraform#show} returns it has every sensitive value replaced by {@link
 * SensitivePlanValues#MARKER}; the plan file itself still holds them in clear.
 */
public record PlanDocument(
    JsonNode raw,
    String terraformVersion,
    List<ResourceChange> resourceChanges,
    Map<String, OutputChange> outputChanges) {

  public PlanDocument {
    resourceChanges = List.copyOf(resourceChanges);
    outputChanges = Collections.unmodifiableMap(new LinkedHashMap<>(outputChanges));
  }

  public static PlanDocument fromJson(JsonNode raw) {
    List<ResourceChange> changes = new ArrayList<>();
    for (JsonNode rc : raw.path("resource_changes")) {
      changes.add(new ResourceChange(
          rc.path("address").asText(), rc.path("type").asText(), rc.path("name").asText(),
          actions(rc.path("change").path("actions"))));
    }
    Map<String, OutputChange> outputs = new LinkedHashMap<>();
    raw.path("output_changes").fields().forEachRemaining(e -> {
      JsonNode change = e.getValue();
      // A sensitive output has before_sensitive/after_sensitive set to true (never an object).
      boolean sensitive = change.path("after_sensitive").asBoolean(false)
          || change.path("before_sensitive").asBoolean(false);
      outputs.put(e.getKey(), new OutputChange(actions(change.path("actions")), sensitive));
    });
    return new PlanDocument(raw, raw.path("terraform_version").asText(null), changes, outputs);
  }

  /** The counts Terraform printed for this plan: a replace is one add and one destroy; reads and no-ops are nothing. */
  public ChangeSummary summary() {
    int add = 0;
    int change = 0;
    int destroy = 0;
    for (ResourceChange rc : resourceChanges) {
      if (rc.actions().contains("create")) {
        add++;
      }
      if (rc.actions().contains("update")) {
        change++;
      }
      if (rc.actions().contains("delete")) {
        destroy++;
      }
    }
    return new ChangeSummary(add, change, destroy);
  }

  public List<ResourceChange> changesOf(String address) {
    return resourceChanges.stream().filter(rc -> rc.address().equals(address)).toList();
  }

  private static List<String> actions(JsonNode array) {
    List<String> actions = new ArrayList<>();
    array.forEach(a -> actions.add(a.asText()));
    return actions;
  }
}
