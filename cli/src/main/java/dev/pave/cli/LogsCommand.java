package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Terraform's output per step (GET /v1/requests/{id}/logs; Pave masks the secrets). */
@Command(name = "logs", description = "Print Terraform's output of each step of a request.")
final class LogsCommand implements Callable<Integer>, JsonOutput {

  @Parameters(paramLabel = "ID", description = "the request id") String id;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  private final Console console;

  LogsCommand(Console console) {
    this.console = console;
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    JsonNode logs = connection.client(console).get("/v1/requests/" + Paths.segment(id) + "/logs");
    if (output.json()) {
      console.out().println(Json.pretty(logs));
      return ExitCode.SUCCEEDED;
    }
    for (JsonNode step : logs.path("steps")) {
      console.out().println("== " + step.path("step").asText() + " ==");
      console.out().println(step.path("output").asText());
      if (step.path("truncated").asBoolean()) {
        console.out().println("(truncated)");
      }
    }
    return ExitCode.SUCCEEDED;
  }
}
