package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What one policy said of one input: a recorded policy result's {@code result}, in its
 * lower-case wire form ({@code "deny"}), as policy test files, the API and the audit trail show it.
 */
public enum PolicyOutcome {
  PASS,
  DENY,
  /** The policy's {@code when} was false: it does not apply to this input. */
  SKIP,
  /** The policy could not be evaluated; it counts as a deny at its enforcement level. */
  ERROR,
  /**
   * A soft-mandatory deny of a speculative plan: the apply it previews would wait for an approver;
   * the plan itself waits for nothing.
   */
  REQUIRES_APPROVAL;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static PolicyOutcome fromWire(String value) {
    for (PolicyOutcome outcome : values()) {
      if (outcome.wireName().equals(value)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("not a policy result: " + value);
  }
}
