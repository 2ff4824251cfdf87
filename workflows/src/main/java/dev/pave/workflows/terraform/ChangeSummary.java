package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;

/** Resource counts of a plan or apply, as Terraform reports them; a replace counts as one add and one destroy. */
public record ChangeSummary(int add, int change, int destroy) {

  public static final ChangeSummary NONE = new ChangeSummary(0, 0, 0);

  /** From the {@code changes} object of a {@code change_summary} event; Terraform calls destroy "remove". */
  static ChangeSummary fromEvent(JsonNode changes) {
    return new ChangeSummary(
        changes.path("add").asInt(), changes.path("change").asInt(), changes.path("remove").asInt());
  }

  public boolean isEmpty() {
    return add == 0 && change == 0 && destroy == 0;
  }
}
