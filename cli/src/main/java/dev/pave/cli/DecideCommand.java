package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `pave approve|reject ID --comment C`: reads the request first and binds the decision to the plan
 * it shows (planSha256), so a plan replaced in between (stale plan, re-plan) is refused by Pave
 * instead of approved unseen.
 */
abstract class DecideCommand implements Callable<Integer>, JsonOutput {

  @Parameters(paramLabel = "ID", description = "the request id") String id;
  @Option(names = "--comment", required = true, paramLabel = "C", description = "why; recorded in the audit trail")
  String comment;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  private final Console console;

  DecideCommand(Console console) {
    this.console = console;
  }

  abstract String decision();

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    PaveClient client = connection.client(console);
    String path = "/v1/requests/" + Paths.segment(id);
    JsonNode request = client.get(path);
    ObjectNode body = Json.object("decision", decision(), "comment", comment);
    JsonNode plan = request.path("plan");
    if (plan.hasNonNull("sha256")) {
      body.put("planSha256", plan.get("sha256").asText());
      console.err().printf("pave: %s %s on plan %s (%d to add, %d to change, %d to destroy)%n", decision(), id,
          plan.get("sha256").asText(), plan.path("add").asInt(), plan.path("change").asInt(),
          plan.path("destroy").asInt());
    }
    JsonNode decided = client.post(path + "/approval", body, Map.of());
    return RequestReport.print(decided, ExitCode.SUCCEEDED, output, console);
  }
}
