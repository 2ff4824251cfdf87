package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a request asks Terraform to do. The lower-case names are the API's {@code action} values
 * and what stored workflow histories hold ({@code "apply"}), so Jackson reads and writes those.
 * {@code plan} is a speculative plan: planned and checked, never applied.
 */
public enum RequestAction {
  APPLY, DESTROY, PLAN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action for a wire name; IllegalArgumentException for anything else (null included). */
  @JsonCreator
  public static RequestAction fromWire(String value) {
    for (RequestAction action : values()) {
      if (action.wireName().equals(value)) {
        return action;
      }
    }
    throw new IllegalArgumentException("not a request action: " + value);
  }
}
