package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How an approval wait ended: the approval step's recorded outcome. Crosses the Temporal
 * boundary as its lower-case name ({@code "approved"}), the form stored histories hold.
 */
public enum ApprovalOutcome {
  APPROVED, REJECTED, EXPIRED, CANCELLED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ApprovalOutcome fromWire(String value) {
    for (ApprovalOutcome outcome : values()) {
      if (outcome.wireName().equals(value)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("not an approval outcome: " + value);
  }
}
