package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** `pave apply|plan|destroy`: POST /v1/requests with an Idempotency-Key, then optionally follow it. */
abstract class SubmitCommand implements Callable<Integer>, JsonOutput {

  @Mixin ConnectionOptions connection;
  @Mixin RequestOptions request;
  @Mixin WaitOptions waiting;
  @Mixin OutputOptions output;

  private final Console console;

  SubmitCommand(Console console) {
    this.console = console;
  }

  abstract String action();

  abstract boolean waits();

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    JsonNode body = request.body(action());
    String key = request.idempotencyKey(action(), console.env());
    PaveClient client = connection.client(console);
    JsonNode created = client.post("/v1/requests", body, Map.of("Idempotency-Key", key));
    String id = created.path("id").asText();
    console.err().println("pave: " + action() + " of " + request.workspace + " accepted as " + id
        + " (Idempotency-Key " + key + ")");
    if (!waits()) {
      return RequestReport.print(created, ExitCode.SUCCEEDED, output, console);
    }
    Waiter.Result result = new Waiter(client, console, waiting).await(id);
    return RequestReport.print(result.request(), result.exitCode(), output, console);
  }
}
