package dev.pave.workflows.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.workflows.contract.PolicyOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code <policy>.tests.yaml}. A broken case is a problem, reported with its line, and
 * the other cases still run, so one typo does not hide every other result.
 */
final class PolicyTestFileParser {
  static final Set<String> EXPECTATIONS = java.util.Arrays.stream(PolicyOutcome.values())
      .map(PolicyOutcome::wireName).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> CASE_FIELDS =
      Set.of("name", "input", "inputFile", "planFile", "expect");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** The cases that could be read, and the problems with the rest. */
  record Parsed(List<PolicyTestCase> cases, List<String> problems) {}

  private final Path file;
  private final String policy;
  private final List<PolicyTestCase> cases = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private PolicyTestFileParser(Path file) {
    this.file = file;
    this.policy = SourceFiles.stem(file, PolicyLoader.TESTS_SUFFIX);
  }

  static Parsed parse(Path file) {
    PolicyTestFileParser parser = new PolicyTestFileParser(file);
    parser.read();
    return new Parsed(List.copyOf(parser.cases), List.copyOf(parser.problems));
  }

  private void read() {
    LocatedYaml yaml;
    try {
      yaml = LocatedYaml.parse(SourceFiles.utf8(Files.readAllBytes(file)));
    } catch (LocatedYaml.YamlProblem e) {
      problem(e.line, e.getMessage());
      return;
    } catch (IOException | IllegalArgumentException e) {
      problem(0, "cannot read: " + e.getMessage());
      return;
    }
    JsonNode root = yaml.root();
    if (root == null || !root.isObject() || !root.path("cases").isArray() || root.size() != 1) {
      problem(yaml.valueLine(""), "expected exactly one key, 'cases', holding a list of cases");
      return;
    }
    JsonNode list = root.get("cases");
    for (int i = 0; i < list.size(); i++) {
      String pointer = LocatedYaml.child("/cases", i);
      try {
        cases.add(testCase(list.get(i), yaml.valueLine(pointer)));
      } catch (CaseProblem e) {
        problem(e.field == null ? yaml.valueLine(pointer) : yaml.keyLine(LocatedYaml.child(pointer, e.field)),
            "case " + (i + 1) + ": " + e.getMessage());
      }
    }
  }

  private PolicyTestCase testCase(JsonNode node, int line) throws CaseProblem {
    if (!node.isObject()) {
      throw new CaseProblem(null, "expected a mapping with name, input/inputFile/planFile, expect");
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!CASE_FIELDS.contains(key)) {
        throw new CaseProblem(key, "unknown field '" + key + "' (a case has " + CASE_FIELDS + ")");
      }
    }
    String name = requiredText(node, "name");
    String expect = requiredText(node, "expect");
    if (!EXPECTATIONS.contains(expect)) {
      throw new CaseProblem("expect", "expect must be pass, deny, skip or error, not '" + expect + "'");
    }
    return new PolicyTestCase(policy, name, expect, input(node), file, line);
  }

  /**
   * {@code input} (inline) or {@code inputFile} (a JSON file) is the whole input document;
   * {@code planFile} puts a raw {@code terraform show -json} file under {@code plan}. Without a
   * {@code workspace} the case is about a new one ({@link PolicyInputs#newWorkspace()}).
   */
  private Map<String, Object> input(JsonNode node) throws CaseProblem {
    if (node.has("input") && node.has("inputFile")) {
      throw new CaseProblem("inputFile", "give input or inputFile, not both");
    }
    if (!node.has("input") && !node.has("inputFile") && !node.has("planFile")) {
      throw new CaseProblem(null, "a case needs input, inputFile or planFile");
    }
    Map<String, Object> input = new LinkedHashMap<>();
    if (node.has("input")) {
      input.putAll(object(node.get("input"), "input"));
    }
    if (node.has("inputFile")) {
      input.putAll(object(readJson(node, "inputFile"), "inputFile"));
    }
    if (node.has("planFile")) {
      if (input.containsKey("plan")) {
        throw new CaseProblem("planFile", "the input already has a plan; drop planFile or input.plan");
      }
      input.put("plan", object(readJson(node, "planFile"), "planFile"));
    }
    // A case that gives no workspace judges a request that creates one, as Pave would hand it in.
    input.putIfAbsent("workspace", PolicyInputs.newWorkspace());
    return input;
  }

  private JsonNode readJson(JsonNode node, String field) throws CaseProblem {
    Path path = file.resolveSibling(requiredText(node, field)).normalize();
    if (!Files.isRegularFile(path)) {
      throw new CaseProblem(field, "no file " + path);
    }
    try {
      return JSON.readTree(path.toFile());
    } catch (JsonProcessingException e) {
      throw new CaseProblem(field, path + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CaseProblem(field, "cannot read " + path + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> object(JsonNode node, String field) throws CaseProblem {
    if (!node.isObject()) {
      throw new CaseProblem(field, field + " must be an object");
    }
    return JsonInputs.toCelMap(node);
  }

  private static String requiredText(JsonNode node, String field) throws CaseProblem {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new CaseProblem(value == null ? null : field, "'" + field + "' must be a non-empty string");
    }
    return value.textValue().strip();
  }

  private void problem(int line, String message) {
    problems.add(file + (line > 0 ? ":" + line : "") + ": " + message);
  }

  /** A problem with one case; {@code field} (may be null) is where to point. */
  private static final class CaseProblem extends Exception {
    final String field;

    CaseProblem(String field, String message) {
      super(message);
      this.field = field;
    }
  }
}
