package dev.pave.workflows.terraform;

import java.util.List;

/**
 * One entry of {@code resource_changes} in {@code show -json}.
 *
 * @param actions Terraform's action list: ["no-op"], ["create"], ["read"], ["update"],
 *     ["delete"], ["delete", "create"] or ["create", "delete"] (a replace), ["forget"]
 */
public record ResourceChange(String address, String type, String name, List<String> actions) {

  public ResourceChange {
    actions = List.copyOf(actions);
  }

  public boolean isReplace() {
    return actions.contains("create") && actions.contains("delete");
  }

  public boolean isCreate() {
    return actions.equals(List.of("create"));
  }

  public boolean isUpdate() {
    return actions.equals(List.of("update"));
  }

  public boolean isDelete() {
    return actions.equals(List.of("delete"));
  }
}
