package dev.pave.workflows.terraform;

import java.util.List;

/**
 * One entry of {@code output_changes} in {@code show -json}. Values are left out on purpose: the
 * plan JSON carries sensitive ones in clear (they are redacted in {@link PlanDocument#raw()}).
 */
public record OutputChange(List<String> actions, boolean sensitive) {

  public OutputChange {
    actions = List.copyOf(actions);
  }
}
