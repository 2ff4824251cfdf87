package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A workspace's outputs; --reveal asks for the sensitive ones (owning team only, audited by Pave). */
@Command(name = "outputs", description = "Print a workspace's outputs (--reveal: sensitive ones too).")
final class OutputsCommand implements Callable<Integer>, JsonOutput {

  @Parameters(paramLabel = "W", description = "the workspace name") String workspace;
  @Option(names = "--reveal", description = "show sensitive outputs (recorded in the audit trail)") boolean reveal;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  private final Console console;

  OutputsCommand(Console console) {
    this.console = console;
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PaveClient client = connection.client(console);
    String path = "/v1/workspaces/" + Paths.segment(workspace);
    JsonNode outputs = reveal ? client.get(path + "/outputs?reveal=true") : client.get(path).path("outputs");
    if (output.json()) {
      console.out().println(Json.pretty(outputs));
    } else {
      outputs.fields().forEachRemaining(o -> console.out().println(o.getKey() + "="
          + (o.getValue().isTextual() ? o.getValue().asText() : o.getValue().toString())));
    }
    return ExitCode.SUCCEEDED;
  }
}
