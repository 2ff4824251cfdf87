package dev.pave.workflows.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.pave.workflows.contract.PolicyEnforcement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one policy file into a compiled {@link Policy}, or says exactly what is wrong and where. */
final class PolicyFileParser {
  static final Set<String> FIELDS =
      Set.of("name", "description", "stage", "enforcement", "when", "deny", "message", "field");
  private static final List<String> REQUIRED =
      List.of("name", "description", "stage", "enforcement", "deny", "message");
  /** Lower-case and dashes: names appear in URLs, audit records and test file names. */
  static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,62}$");
  /** A request field or a dotted path into it, as an API error names it: ttlHours, inputs.connection_limit. */
  static final Pattern FIELD = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,62}(\\.[a-zA-Z_][a-zA-Z0-9_]{0,62}){0,4}$");

  private final Path file;
  private final LocatedYaml yaml;

  private PolicyFileParser(Path file, LocatedYaml yaml) {
    this.file = file;
    this.yaml = yaml;
  }

  /** A policy and the line of its name, for errors about the name found later (duplicates). */
  record Parsed(Policy policy, int nameLine) {}

  static Parsed parse(Path file, byte[] bytes) {
    LocatedYaml yaml;
    try {
      yaml = LocatedYaml.parse(SourceFiles.utf8(bytes));
    } catch (LocatedYaml.YamlProblem e) {
      throw new PolicyLoadException(file, e.line, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new PolicyLoadException(file, 0, e.getMessage());
    }
    PolicyFileParser parser = new PolicyFileParser(file, yaml);
    return new Parsed(parser.policy(SourceFiles.sha256(bytes)), yaml.valueLine(pointer("name")));
  }

  private Policy policy(String contentHash) {
    JsonNode root = yaml.root();
    if (root == null || !root.isObject()) {
      throw new PolicyLoadException(file, Math.max(1, yaml.valueLine("")),
          "expected a policy (a YAML mapping with " + String.join(", ", REQUIRED) + ")");
    }
    checkFields(root);
    String name = text("name");
    String expectedName = SourceFiles.stem(file, PolicyLoader.POLICY_SUFFIX);
    if (!NAME.matcher(name).matches()) {
      throw problem("name", "name '" + name + "' must match " + NAME.pattern());
    }
    if (!name.equals(expectedName)) {
      // Tests are found as <name>.tests.yaml beside <name>.yaml; a mismatch would orphan them.
      throw problem("name", "name '" + name + "' must match the file name '" + expectedName + "'");
    }
    PolicyStage stage = PolicyStage.fromWireName(text("stage"));
    if (stage == null) {
      throw problem("stage", "stage must be 'request' or 'plan', not '" + text("stage") + "'");
    }
    PolicyEnforcement enforcement = PolicyEnforcement.fromWireName(text("enforcement"));
    if (enforcement == null) {
      throw problem("enforcement", "enforcement must be 'advisory', 'soft-mandatory' or "
          + "'hard-mandatory', not '" + text("enforcement") + "'");
    }
    PolicyExpression when = root.has("when") ? compile("when", stage) : null;
    PolicyExpression deny = compile("deny", stage);
    String field = root.has("field") ? text("field") : Policy.WHOLE_REQUEST;
    if (!FIELD.matcher(field).matches()) {
      throw problem("field", "field '" + field + "' must name a request field or input, like ttlHours or"
          + " inputs.connection_limit");
    }
    return new Policy(name, text("description"), stage, enforcement, when, deny, text("message"),
        contentHash, file, field);
  }

  private void checkFields(JsonNode root) {
    for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!FIELDS.contains(key)) {
        throw new PolicyLoadException(file, yaml.keyLine(pointer(key)), "unknown field '" + key
            + "' (a policy has " + String.join(", ", REQUIRED) + " and optionally when and field)");
      }
    }
    for (String field : REQUIRED) {
      if (!root.has(field)) {
        // Point at where the policy starts: there is no line for what is not there.
        throw new PolicyLoadException(file, yaml.valueLine(""), "missing required field '" + field + "'");
      }
    }
  }

  /** A required non-blank string; numbers and booleans are rejected, not coerced. */
  private String text(String field) {
    JsonNode value = yaml.root().get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw problem(field, "'" + field + "' must be a non-empty string");
    }
    // Only trailing whitespace: leading lines would shift the line numbers of CEL errors.
    return value.textValue().stripTrailing();
  }

  private PolicyExpression compile(String field, PolicyStage stage) {
    String source = text(field);
    int firstLine = expressionLine(field, 1);
    try {
      var cel = CelEnvironment.forPolicies(stage);
      var ast = cel.compile(source).getAst();
      return new PolicyExpression(source, firstLine, stage.variables(), cel.createProgram(ast));
    } catch (CelValidationException e) {
      throw compileProblem(field, stage, source, e.getErrors());
    } catch (CelEvaluationException e) {
      throw new PolicyLoadException(file, firstLine, field + " cannot be planned: " + e.getMessage());
    }
  }

  private PolicyLoadException compileProblem(
      String field, PolicyStage stage, String source, List<CelIssue> issues) {
    String[] sourceLines = source.split("\n", -1);
    List<String> described = new ArrayList<>();
    int firstLine = 0;
    for (CelIssue issue : issues) {
      int celLine = Math.max(1, issue.getSourceLocation().getLine());
      int line = expressionLine(field, celLine);
      firstLine = firstLine == 0 ? line : firstLine;
      String code = celLine <= sourceLines.length ? sourceLines[celLine - 1] : "";
      int column = Math.max(0, issue.getSourceLocation().getColumn());
      // The exception already starts with the first line; name lines only when there are several.
      String prefix = issues.size() > 1 ? "line " + line + ": " : "";
      described.add(prefix + issue.getMessage()
          + "\n    | " + code + "\n    | " + " ".repeat(Math.min(column, code.length())) + "^");
    }
    String header = field + " does not compile (" + stage.wireName() + " policies can read "
        + String.join(", ", stage.variables()) + ")";
    return new PolicyLoadException(file, firstLine,
        header + (issues.size() > 1 ? ":\n" : ": ") + String.join("\n", described));
  }

  /**
   * The file line of line {@code celLine} of an expression. Exact for one-line values and for
   * literal blocks ({@code |}), whose text starts on the line after the indicator; a folded
   * block ({@code >}) joins lines, so only its first line can be named.
   */
  private int expressionLine(String field, int celLine) {
    String pointer = pointer(field);
    int start = yaml.valueLine(pointer);
    return yaml.isBlockScalar(pointer) ? start + celLine : start + celLine - 1;
  }

  private PolicyLoadException problem(String field, String message) {
    return new PolicyLoadException(file, yaml.valueLine(pointer(field)), message);
  }

  private static String pointer(String field) {
    return LocatedYaml.child("", field);
  }
}
