package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "workspaces", description = "List the live workspaces you can see.")
final class WorkspacesCommand implements Callable<Integer>, JsonOutput {

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  private final Console console;

  WorkspacesCommand(Console console) {
    this.console = console;
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    JsonNode list = connection.client(console).get("/v1/workspaces");
    if (output.json()) {
      console.out().println(Json.pretty(list));
      return ExitCode.SUCCEEDED;
    }
    for (JsonNode workspace : list.path("workspaces")) {
      console.out().printf("%-24s %-20s %-8s %-8s %-10s %s%n", workspace.path("name").asText(),
          workspace.path("module").asText(), workspace.path("version").asText(),
          workspace.path("environment").asText(), workspace.path("status").asText(),
          workspace.path("expiresAt").asText("-"));
    }
    return ExitCode.SUCCEEDED;
  }
}
