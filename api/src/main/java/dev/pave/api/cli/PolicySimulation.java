package dev.pave.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * `pave policy simulate`: sends the policy files of a folder to Pave, which replays its recorded
 * requests through them, and prints which requests would now be denied, held or let through.
 */
final class PolicySimulation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final String token;

  PolicySimulation(String url, String token) {
    this.url = url.replaceAll("/+$", "");
    this.token = token;
  }

  boolean run(Path policies, String since, PrintStream out) throws IOException, InterruptedException {
    if (token == null) {
      throw new IllegalArgumentException("a token is needed: --token or PAVE_TOKEN (admin)");
    }
    ObjectNode body = JSON.createObjectNode().put("since", since);
    ArrayNode files = body.putArray("policies");
    for (Path file : policyFiles(policies)) {
      files.addObject().put("path", policies.relativize(file).toString()).put("content", Files.readString(file));
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url + "/v1/policies/simulate"))
            .timeout(Duration.ofMinutes(5))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode report = JSON.readTree(response.body());
    if (response.statusCode() != 200) {
      out.println("Pave answered " + response.statusCode() + ": " + report.path("message").asText(response.body()));
      report.path("errors").forEach(e -> out.println("  " + e.path("field").asText() + ": " + e.path("message").asText()));
      return false;
    }
    print(report, out);
    return true;
  }

  private static void print(JsonNode report, PrintStream out) {
    out.printf("%d requests since %s%n", report.path("evaluated").asInt(), report.path("since").asText());
    out.printf("  recorded:  %s%n  simulated: %s%n", report.path("recorded"), report.path("simulated"));
    JsonNode changes = report.path("changes");
    if (changes.isEmpty()) {
      out.println("No request would be decided differently.");
      return;
    }
    out.printf("%n%-22s %-20s %-12s %-8s %-15s %-15s %s%n", "REQUEST", "WORKSPACE", "TEAM", "ENV", "WAS", "WOULD BE",
        "BECAUSE OF");
    for (JsonNode c : changes) {
      out.printf("%-22s %-20s %-12s %-8s %-15s %-15s %s%n", c.path("requestId").asText(), c.path("workspace").asText(),
          c.path("team").asText(), c.path("environment").asText(), c.path("recordedVerdict").asText(),
          c.path("simulatedVerdict").asText(), String.join(", ", JSON.convertValue(c.path("decidedBy"), List.class)));
    }
  }

  private static List<Path> policyFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a folder of policies");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".tests.yaml"))
          .filter(f -> !dir.relativize(f).toString().startsWith("fixtures/"))
          .sorted().toList();
    }
  }
}
