package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the workflow does after one stage's policies ran. Crosses the Temporal boundary as its
 * lower-case name ({@code "needs_approval"}), the form stored workflow histories hold.
 */
public enum PolicyVerdict {
  /** No mandatory policy denied (advisory denies are warnings). */
  ALLOWED,
  /** A soft-mandatory policy denied or could not be evaluated: an approver decides. */
  NEEDS_APPROVAL,
  /** A hard-mandatory policy denied or could not be evaluated: nothing is applied. */
  DENIED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static PolicyVerdict fromWire(String value) {
    for (PolicyVerdict verdict : values()) {
      if (verdict.wireName().equals(value)) {
        return verdict;
      }
    }
    throw new IllegalArgumentException("not a policy verdict: " + value);
  }
}
