package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a deny of a policy does to the request. */
public enum PolicyEnforcement {
  /** A warning on the request; nothing waits. */
  ADVISORY("advisory"),
  /** The request waits for an approver, who may override. */
  SOFT_MANDATORY("soft-mandatory"),
  /** The request is denied; nothing is applied. */
  HARD_MANDATORY("hard-mandatory");

  private final String wireName;

  PolicyEnforcement(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in policy files, in recorded results and in JSON. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The level for a policy file's {@code enforcement} value, or null when there is none. */
  @JsonCreator
  public static PolicyEnforcement fromWireName(String value) {
    for (PolicyEnforcement level : values()) {
      if (level.wireName.equals(value)) {
        return level;
      }
    }
    return null;
  }
}
