package dev.pave.workflows.policy;

import java.util.List;

/** When a policy runs, and so which top-level variables its expressions may read. */
public enum PolicyStage {
  /**
   * Before any Terraform runs: the request, the workspace it acts on (as stored), who asked, the
   * module and the cost estimate.
   */
  REQUEST("request", List.of("request", "workspace", "requester", "module", "cost")),
  /** After the plan: everything the request stage sees, plus {@code terraform show -json}. */
  PLAN("plan", List.of("request", "workspace", "requester", "module", "cost", "plan"));

  private final String wireName;
  private final List<String> variables;

  PolicyStage(String wireName, List<String> variables) {
    this.wireName = wireName;
    this.variables = variables;
  }

  /** The name used in policy files and in recorded results. */
  public String wireName() {
    return wireName;
  }

  /** The top-level input keys, declared to CEL so a typo fails at load time, not at runtime. */
  public List<String> variables() {
    return variables;
  }

  /** The stage for a policy file's {@code stage} value, or null when there is none. */
  static PolicyStage fromWireName(String value) {
    for (PolicyStage stage : values()) {
      if (stage.wireName.equals(value)) {
        return stage;
      }
    }
    return null;
  }
}
