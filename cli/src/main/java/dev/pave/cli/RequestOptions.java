package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Option;

/** What `pave apply|plan|destroy` asks for: the body of POST /v1/requests, and its Idempotency-Key. */
public final class RequestOptions {

  @Option(names = "--module", required = true, paramLabel = "M", description = "the golden path (module) name")
  String module;

  @Option(names = "--workspace", required = true, paramLabel = "W", description = "the workspace name")
  String workspace;

  @Option(names = "--env", paramLabel = "E", description = "the environment (the server's list, by default dev,"
      + " staging, prod); required for a new workspace, may be left out for an existing one (then it is its own)")
  String environment;

  @Option(names = "--version", paramLabel = "V", description = "the module version (default: Pave's newest)")
  String version;

  @Option(names = "--set", paramLabel = "k=v", mapFallbackValue = "",
      description = "an input; v is read as JSON when it is a number, true/false, null, an array or an object "
          + "(quote it, '\"42\"', for a string of digits); repeatable, wins over --inputs")
  Map<String, String> sets = new LinkedHashMap<>();

  @Option(names = "--inputs", paramLabel = "FILE", description = "a JSON file of inputs")
  Path inputsFile;

  @Option(names = "--ttl", paramLabel = "H", description = "hours until the workspace expires")
  Integer ttlHours;

  @Option(names = "--idempotency-key", paramLabel = "K",
      description = "default: derived from the CI run and job (docs/cli.md), else random per invocation")
  String idempotencyKey;

  public ObjectNode body(String action) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("module", module);
    if (version != null) {
      body.put("version", version);
    }
    body.put("workspace", workspace);
    if (environment != null) {
      body.put("environment", environment);
    }
    body.put("action", action);
    if (ttlHours != null) {
      if (ttlHours <= 0) {
        throw new CliFailure(ExitCode.USAGE, "--ttl must be a positive number of hours");
      }
      body.put("ttlHours", ttlHours);
    }
    body.set("inputs", inputs());
    return body;
  }

  /** The explicit key, else one derived from the CI job, else a random one so that retries within this run are safe. */
  public String idempotencyKey(String action, Map<String, String> env) {
    if (idempotencyKey != null) {
      return idempotencyKey;
    }
    return IdempotencyKeys.fromCi(env, action, workspace).orElseGet(() -> "pave-cli:" + UUID.randomUUID());
  }

  private ObjectNode inputs() {
    ObjectNode inputs = Json.mapper().createObjectNode();
    if (inputsFile != null) {
      JsonNode file;
      try {
        file = Json.parse(Files.readString(inputsFile));
      } catch (IOException e) {
        throw new CliFailure(ExitCode.USAGE, "cannot read --inputs " + inputsFile);
      }
      if (file == null || !file.isObject()) {
        throw new CliFailure(ExitCode.USAGE, "--inputs " + inputsFile + " must hold one JSON object");
      }
      inputs.setAll((ObjectNode) file);
    }
    sets.forEach((name, value) -> {
      if (name.isBlank()) {
        throw new CliFailure(ExitCode.USAGE, "--set needs name=value");
      }
      inputs.set(name, value(value));
    });
    return inputs;
  }

  /** 20 -> number, true -> boolean, ["a"] -> array, "\"20\"" -> string 20, anything else -> that string. */
  static JsonNode value(String text) {
    JsonNode parsed = text.isBlank() ? null : Json.parse(text);
    return parsed == null || parsed.isMissingNode() ? Json.mapper().getNodeFactory().textNode(text) : parsed;
  }
}
