package dev.pave.workflows.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read into a Jackson tree that remembers the line of every key and value, so
 * errors can point at a line. Jackson's tree model drops locations, and silently keeps the last
 * of two duplicate keys; this reader rejects duplicates instead.
 *
 * <p>Locations are keyed by JSON pointer ({@code /cases/2/expect}).
 */
final class LocatedYaml {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A problem in the YAML itself; callers turn it into their own error type. */
  static final class YamlProblem extends Exception {
    final int line;

    YamlProblem(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private record Location(int line, int column) {}

  private final String text;
  private final Map<String, Location> values = new HashMap<>();
  private final Map<String, Integer> keys = new HashMap<>();
  private final JsonNode root;

  private LocatedYaml(String text) throws YamlProblem {
    this.text = text;
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        root = null;
        return;
      }
      root = read(parser, "");
      if (parser.nextToken() != null) {
        throw new YamlProblem(line(parser), "only one YAML document per file");
      }
    } catch (JsonProcessingException e) {
      throw syntaxProblem(e);
    } catch (IOException e) {
      throw new YamlProblem(0, "cannot read YAML: " + e.getMessage());
    }
  }

  /**
   * Jackson reports the location of the last good token; SnakeYAML, underneath, knows where the
   * problem is and what it was reading ("while scanning a quoted scalar" started on line 2).
   */
  private static YamlProblem syntaxProblem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      String context = marked.getContext() == null || marked.getContextMark() == null ? ""
          : " (" + marked.getContext() + " from line " + (marked.getContextMark().getLine() + 1) + ")";
      return new YamlProblem(marked.getProblemMark().getLine() + 1,
          "not valid YAML: " + marked.getProblem() + context);
    }
    JsonLocation at = e.getLocation();
    return new YamlProblem(at == null ? 0 : at.getLineNr(), "not valid YAML: " + e.getOriginalMessage());
  }

  static LocatedYaml parse(String text) throws YamlProblem {
    return new LocatedYaml(text);
  }

  /** The document, or null when the file holds no document (empty or only comments). */
  JsonNode root() {
    return root;
  }

  /** The line of the value at a pointer ("" for the root), or 0 if there is none. */
  int valueLine(String pointer) {
    Location location = values.get(pointer);
    return location == null ? 0 : location.line;
  }

  /** The line of the key that holds the value at a pointer, falling back to the value's line. */
  int keyLine(String pointer) {
    return keys.getOrDefault(pointer, valueLine(pointer));
  }

  /**
   * Whether the value at a pointer is a block scalar ({@code |} or {@code >}): its text starts on
   * the line after the one the value's location points at.
   */
  boolean isBlockScalar(String pointer) {
    Location location = values.get(pointer);
    if (location == null) {
      return false;
    }
    String[] lines = text.split("\n", -1);
    String line = lines[location.line - 1];
    int index = location.column - 1;
    return index < line.length() && (line.charAt(index) == '|' || line.charAt(index) == '>');
  }

  static String child(String pointer, String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  private JsonNode read(JsonParser parser, String pointer) throws IOException, YamlProblem {
    JsonLocation at = parser.currentTokenLocation();
    values.put(pointer, new Location(at.getLineNr(), at.getColumnNr()));
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readObject(parser, pointer);
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, child(pointer, array.size())));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new YamlProblem(line(parser), "unsupported YAML value (" + token + ")");
    }
  }

  private ObjectNode readObject(JsonParser parser, String pointer) throws IOException, YamlProblem {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int keyLine = line(parser);
      if (object.has(key)) {
        throw new YamlProblem(keyLine, "duplicate key '" + key + "' (first on line "
            + keys.get(child(pointer, key)) + ")");
      }
      String childPointer = child(pointer, key);
      keys.put(childPointer, keyLine);
      parser.nextToken();
      object.set(key, read(parser, childPointer));
    }
    return object;
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}
