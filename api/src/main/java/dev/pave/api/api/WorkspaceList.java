package dev.pave.api.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer of the list: {"workspaces": [...]}, an object so that fields can be added beside the list. */
public record WorkspaceList(List<WorkspaceView> workspaces,
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
        description = "Where the next page starts (pass it as cursor); absent on the last page")
    String nextCursor) {

  public WorkspaceList(List<WorkspaceView> workspaces) {
    this(workspaces, null);
  }
}
