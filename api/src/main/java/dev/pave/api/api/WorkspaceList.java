package dev.pave.api.api;

import java.util.List;

/** The answer of the list: {"workspaces": [...]}, an object so that fields can be added beside the list. */
public record WorkspaceList(List<WorkspaceView> workspaces) {}
