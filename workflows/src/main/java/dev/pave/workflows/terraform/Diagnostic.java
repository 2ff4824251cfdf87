package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error or warning from a {@code -json} stream. Terraform redacts sensitive values in its own
 * diagnostics; the snippet's values (which may hold non-sensitive inputs) are deliberately dropped.
 *
 * @param address the resource address, or {@code var.<name>} for a variable's validation failure
 */
public record Diagnostic(String severity, String summary, String detail, String address, String file, Integer line) {

  private static final Pattern VARIABLE_BLOCK = Pattern.compile("^\\s*variable\\s+\"([^\"]+)\"");

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
   * A variable validation failure carries no address, but its range is the variable block, whose
   * first line the snippet quotes: that names the variable without touching its value.
   */
  private static String address(JsonNode d) {
    if (d.hasNonNull("address")) {
      return d.get("address").asText();
    }
    Matcher m = VARIABLE_BLOCK.matcher(d.path("snippet").path("code").asText(""));
    return m.find() ? "var." + m.group(1) : null;
  }
}
