package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error or warning from a {@code -json} stream. Terraform redacts sensitive values in its own
 * summary and detail; the snippet is dropped, because it quotes the source line, which for a bad
 * input is the .tfvars.json line holding every input.
 *
 * @param address the resource address, or {@code var.<name>} for a variable's validation failure
 */
public record Diagnostic(String severity, String summary, String detail, String address, String file, Integer line) {

  private static final Pattern VARIABLE_BLOCK = Pattern.compile("^\\s*variable\\s+\"([^\"]+)\"");
  private static final Pattern VARIABLE_REF = Pattern.compile("\\bvar\\.[A-Za-z_][A-Za-z0-9_-]*");

  public boolean isError() {
    return "error".equals(severity);
  }

  public boolean isWarning() {
    return "warning".equals(severity);
  }

  /** From the {@code diagnostic} object of a stream line (or of {@code validate -json}). */
  static Diagnostic fromJson(JsonNode d) {
    JsonNode range = d.path("range");
    return new Diagnostic(
        d.path("severity").asText(null),
        d.path("summary").asText(null),
        d.path("detail").asText(null),
        address(d),
        range.path("filename").asText(null),
        range.path("start").has("line") ? range.path("start").path("line").asInt() : null);
  }

  /**
   * Variable errors carry no address: name the variable from the validation's traversal, the
   * detail of a type error, or the variable block the range points at.
   */
  private static String address(JsonNode d) {
    if (d.hasNonNull("address")) {
      return d.get("address").asText();
    }
    if (!d.path("summary").asText("").toLowerCase(Locale.ROOT).contains("variable")) {
      return null;
    }
    for (JsonNode value : d.path("snippet").path("values")) { // a validation failure: var.name
      Matcher m = VARIABLE_REF.matcher(value.path("traversal").asText(""));
      if (m.matches()) {
        return m.group();
      }
    }
    Matcher inDetail = VARIABLE_REF.matcher(d.path("detail").asText("")); // a type error: "... for var.n ..."
    if (inDetail.find()) {
      return inDetail.group();
    }
    Matcher block = VARIABLE_BLOCK.matcher(d.path("snippet").path("code").asText(""));
    return block.find() ? "var." + block.group(1) : null;
  }
}
