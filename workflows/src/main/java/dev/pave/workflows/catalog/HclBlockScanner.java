package dev.pave.workflows.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the top-level blocks of an HCL file ({@code variable "name" { ... }}) with a lexer of its
 * own that knows only what decides where a block ends: strings with their {@code ${...}}
 * templates, heredocs and comments. hcl4j accepts some broken files without a word (an unclosed
 * brace swallows every block after it; a repeated variable is merged), so the catalog checks what
 * hcl4j read against this list.
 */
final class HclBlockScanner {

  record Block(String type, List<String> labels, int line) {}

  private final String text;
  private int pos;
  private int line = 1;

  private HclBlockScanner(String text) {
    this.text = text;
  }

  /** Throws IllegalArgumentException, with a line number, when the file is not well formed. */
  static List<Block> scan(String text) {
    return new HclBlockScanner(text).blocks();
  }

  private List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    while (skipSpaceAndComments()) {
      int startLine = line;
      String type = identifier();
      List<String> labels = new ArrayList<>();
      while (true) {
        if (!skipSpaceAndComments()) {
          throw error("block '" + type + "' has no body");
        }
        char c = text.charAt(pos);
        if (c == '{') {
          pos++;
          skipUntilClosingBrace(startLine, "block '" + String.join(" ", header(type, labels)) + "'");
          break;
        } else if (c == '"') {
          int start = pos + 1;
          skipString();
          labels.add(text.substring(start, pos - 1));
        } else if (isIdentifierStart(c)) {
          labels.add(identifier());
        } else {
          throw error("expected a label or '{' after '" + type + "'");
        }
      }
      blocks.add(new Block(type, List.copyOf(labels), startLine));
    }
    return blocks;
  }

  private static List<String> header(String type, List<String> labels) {
    List<String> words = new ArrayList<>(List.of(type));
    labels.forEach(label -> words.add("\"" + label + "\""));
    return words;
  }

  /** Skips to the brace that closes the one just read; braces in strings and comments do not count. */
  private void skipUntilClosingBrace(int openedOnLine, String what) {
    int depth = 1;
    while (depth > 0) {
      if (pos >= text.length()) {
        throw new IllegalArgumentException("line " + openedOnLine + ": " + what + " is never closed");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        skipString();
      } else if (text.startsWith("<<", pos)) {
        skipHeredoc();
      } else if (atComment()) {
        skipComment();
      } else {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        advance();
      }
    }
  }

  /** From an opening quote past its closing quote; a template's {@code ${...}} may hold strings itself. */
  private void skipString() {
    int startLine = line;
    advance();
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n') {
        throw new IllegalArgumentException("line " + startLine + ": string is never closed");
      }
      char c = text.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == '"') {
        pos++;
        return;
      } else if (text.startsWith("$${", pos) || text.startsWith("%%{", pos)) {
        pos += 3; // escaped, literal text
      } else if (text.startsWith("${", pos) || text.startsWith("%{", pos)) {
        pos += 2;
        skipUntilClosingBrace(line, "template");
      } else {
        pos++;
      }
    }
  }

  /** {@code <<EOT} or {@code <<-EOT}, up to the line that holds only the marker. */
  private void skipHeredoc() {
    int startLine = line;
    pos += 2;
    if (pos < text.length() && text.charAt(pos) == '-') {
      pos++;
    }
    String marker = identifier();
    int lineEnd = text.indexOf('\n', pos);
    while (lineEnd >= 0) {
      advanceTo(lineEnd + 1);
      int next = text.indexOf('\n', pos);
      String candidate = text.substring(pos, next < 0 ? text.length() : next);
      if (candidate.strip().equals(marker)) {
        pos += candidate.length();
        return;
      }
      lineEnd = next;
    }
    throw new IllegalArgumentException("line " + startLine + ": heredoc " + marker + " is never closed");
  }

  /** Returns false at the end of the text. */
  private boolean skipSpaceAndComments() {
    while (pos < text.length()) {
      if (Character.isWhitespace(text.charAt(pos))) {
        advance();
      } else if (atComment()) {
        skipComment();
      } else {
        return true;
      }
    }
    return false;
  }

  private boolean atComment() {
    return text.charAt(pos) == '#' || text.startsWith("//", pos) || text.startsWith("/*", pos);
  }

  private void skipComment() {
    if (text.startsWith("/*", pos)) {
      int end = text.indexOf("*/", pos + 2);
      if (end < 0) {
        throw error("comment is never closed");
      }
      advanceTo(end + 2);
    } else {
      int end = text.indexOf('\n', pos);
      advanceTo(end < 0 ? text.length() : end);
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && (isIdentifierStart(text.charAt(pos))
        || (pos > start && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '-')))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a name");
    }
    return text.substring(start, pos);
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
    }
    pos++;
  }

  private void advanceTo(int target) {
    while (pos < target) {
      advance();
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("line " + line + ": " + problem);
  }
}
