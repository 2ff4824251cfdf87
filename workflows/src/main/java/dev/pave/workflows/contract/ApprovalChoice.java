package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an approver decided: the API's {@code decision} values, which are also what stored
 * workflow histories hold ({@code "approve"}).
 */
public enum ApprovalChoice {
  APPROVE, REJECT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ApprovalChoice fromWire(String value) {
    for (ApprovalChoice choice : values()) {
      if (choice.wireName().equals(value)) {
        return choice;
      }
    }
    throw new IllegalArgumentException("not an approval decision: " + value);
  }
}
