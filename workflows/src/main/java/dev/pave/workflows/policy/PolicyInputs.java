package dev.pave.workflows.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the input documents policies read. Every key is always present; a value Pave does not
 * have is {@code null}, so a policy can write {@code request.ttlHours == null} without a {@code
 * has()} guard. docs/policies.md shows both documents.
 */
public final class PolicyInputs {
  private PolicyInputs() {}

  /** What was asked for. {@code inputs} are the module inputs as submitted (JSON object). */
  public record Request(
      String id,
      String module,
      String version,
      String workspace,
      String environment,
      String action,
      Map<String, ?> inputs,
      Long ttlHours) {

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("id", id);
      map.put("module", module);
      map.put("version", version);
      map.put("workspace", workspace);
      map.put("environment", environment);
      map.put("action", action);
      map.put("inputs", inputs == null ? Map.of() : inputs);
      map.put("ttlHours", ttlHours);
      return map;
    }
  }

  /** Who asked: the token's name, its team and its role. */
  public record Requester(String name, String team, String role) {
    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", name);
      map.put("team", team);
      map.put("role", role);
      return map;
    }
  }

  /** The catalog entry of the requested module. */
  public record Module(String name, String version, String owner, String displayName) {
    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", name);
      map.put("version", version);
      map.put("owner", owner);
      map.put("displayName", displayName);
      return map;
    }
  }

  /**
   * The workspace the request acts on, as Pave stored it: facts no request can relabel (a request
   * names its environment; the workspace's is the one it was created in, and never changes). For
   * a new workspace every key is still there: {@code exists} false and the others null, so {@code
   * workspace.environment == 'prod'} needs no guard.
   *
   * @param status live, failed (a first create that broke half-way) or destroyed
   * @param version the module version the workspace was last applied with
   * @param createdBySubject who created it (its current life, after any destroy): the subject
   * @param createdByName and the name the creating request stored
   * @param liveSince when it last became live; null when it is not live
   */
  public record Workspace(boolean exists, String environment, String status, String module, String version,
      String createdBySubject, String createdByName, java.time.Instant liveSince) {

    /** No workspace of that name yet: the request creates it. */
    public static final Workspace NONE = new Workspace(false, null, null, null, null, null, null, null);

    Map<String, Object> toMap() {
      Map<String, Object> createdBy = new LinkedHashMap<>();
      createdBy.put("subject", createdBySubject);
      createdBy.put("name", createdByName);
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("exists", exists);
      map.put("environment", environment);
      map.put("status", status);
      map.put("module", module);
      map.put("version", version);
      map.put("createdBy", createdBy);
      // RFC 3339 text, as a test file writes it; a policy compares with timestamp(workspace.liveSince).
      map.put("liveSince", liveSince == null ? null : liveSince.toString());
      return map;
    }
  }

  /** The {@code workspace} document of a new workspace, which policy test cases get when they give none. */
  public static Map<String, Object> newWorkspace() {
    return JsonInputs.normalizeMap(Workspace.NONE.toMap());
  }

  /**
   * The request-stage document: {@code request}, {@code workspace}, {@code requester}, {@code
   * module} and {@code cost}. {@code monthlyUsd} is null when the module has no cost formula.
   */
  public static Map<String, Object> requestStage(
      Request request, Workspace workspace, Requester requester, Module module, Double monthlyUsd) {
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("monthlyUsd", monthlyUsd);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("request", request.toMap());
    input.put("workspace", (workspace == null ? Workspace.NONE : workspace).toMap());
    input.put("requester", requester.toMap());
    input.put("module", module.toMap());
    input.put("cost", cost);
    return JsonInputs.normalizeMap(input);
  }

  /** The plan-stage document: the request-stage one plus {@code plan}, the saved plan's JSON. */
  public static Map<String, Object> planStage(Map<String, ?> requestStage, JsonNode planJson) {
    if (planJson == null || !planJson.isObject()) {
      throw new IllegalArgumentException("plan must be the JSON object of terraform show -json");
    }
    Map<String, Object> input = new LinkedHashMap<>(requestStage);
    input.put("plan", planJson);
    return JsonInputs.normalizeMap(input);
  }

  /** {@link #planStage(Map, JsonNode)} from the request-stage parts. */
  public static Map<String, Object> planStage(Request request, Workspace workspace, Requester requester,
      Module module, Double monthlyUsd, JsonNode planJson) {
    return planStage(requestStage(request, workspace, requester, module, monthlyUsd), planJson);
  }
}
