package dev.pave.workflows.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a request asks for; the lower-case names are part of the API contract. */
public enum RequestAction {
  APPLY, DESTROY,
  /** A speculative plan: init, plan and the policies, then it ends; it never applies or waits for an approver. */
  PLAN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action of that wire name, if there is one (case-sensitive, as the API spells it). */
  public static Optional<RequestAction> fromWire(String value) {
    return Arrays.stream(values()).filter(action -> action.wireName().equals(value)).findFirst();
  }
}
