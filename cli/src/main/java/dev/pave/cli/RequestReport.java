package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * How a request is shown when a command ends. With --json: the request exactly as GET
 * /v1/requests/{id} returns it plus "exitCode", as one document. Otherwise a few lines for people.
 */
public final class RequestReport {

  private RequestReport() {}

  public static int print(JsonNode request, int exitCode, OutputOptions output, Console console) {
    if (output.json()) {
      ObjectNode document = request.deepCopy();
      document.put("exitCode", exitCode);
      console.out().println(Json.pretty(document));
    } else {
      human(request, console.out());
    }
    if (exitCode != ExitCode.SUCCEEDED) {
      console.err().println("pave: " + request.path("id").asText() + " ended with exit " + exitCode + " ("
          + request.path("status").asText() + ")" + (request.hasNonNull("error") ? ": " + request.get("error").asText() : ""));
    }
    return exitCode;
  }

  private static void human(JsonNode request, PrintStream out) {
    out.printf("%s  %s %s  %s (%s)  %s%n", request.path("id").asText(), request.path("action").asText(),
        request.path("module").asText(), request.path("workspace").asText(), request.path("environment").asText(),
        request.path("status").asText());
    JsonNode plan = request.path("plan");
    if (plan.isObject()) {
      out.printf("plan: %d to add, %d to change, %d to destroy%s%n", plan.path("add").asInt(),
          plan.path("change").asInt(), plan.path("destroy").asInt(),
          plan.hasNonNull("sha256") ? "  (" + plan.get("sha256").asText() + ")" : "");
      for (JsonNode change : plan.path("changes")) {
        out.printf("  %-8s %s%n", String.join(",", Json.mapper().convertValue(change.path("actions"), String[].class)),
            change.path("address").asText());
      }
    }
    for (JsonNode policy : request.path("policies")) {
      out.printf("policy %s (%s, %s): %s%s%n", policy.path("policy").asText(), policy.path("stage").asText(),
          policy.path("enforcement").asText(), policy.path("result").asText(),
          policy.hasNonNull("message") ? " - " + policy.get("message").asText() : "");
    }
    if (request.path("costEstimate").hasNonNull("monthlyUsd")) {
      out.printf("cost: %.2f USD a month%n", request.path("costEstimate").path("monthlyUsd").asDouble());
    }
    request.path("outputs").fields().forEachRemaining(o -> out.printf("output %s = %s%n", o.getKey(),
        o.getValue().isTextual() ? o.getValue().asText() : o.getValue().toString()));
    if (request.hasNonNull("error")) {
      out.println("error: " + request.get("error").asText());
    }
  }
}
