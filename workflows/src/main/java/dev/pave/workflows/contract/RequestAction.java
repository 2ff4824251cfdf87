package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request asks Terraform to do. The lower-case names are the API's {@code action} values
 * and what stored workflow histories hold ({@code "apply"}), so Jackson reads and writes those.
 */
public enum RequestAction {
  APPLY, DESTROY,
  /** A speculative plan: init, plan and the policies, then it ends; it never applies or waits for an approver. */
  PLAN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action of that wire name, if there is one (case-sensitive, as the API spells it). */
  public static Optional<RequestAction> find(String value) {
    return Arrays.stream(values()).filter(action -> action.wireName().equals(value)).findFirst();
  }

  /** The action for a wire name; IllegalArgumentException for anything else (null included). */
  @JsonCreator
  public static RequestAction fromWire(String value) {
    return find(value).orElseThrow(() -> new IllegalArgumentException("not a request action: " + value));
  }
}
