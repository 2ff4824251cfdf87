package dev.pave.workflows.contract;

import java.util.Locale;

/** Steps recorded for every request, in this order (approval only when a policy demands it). */
public enum StepName {
  QUEUE, INIT, PLAN, POLICY, APPROVAL, APPLY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
