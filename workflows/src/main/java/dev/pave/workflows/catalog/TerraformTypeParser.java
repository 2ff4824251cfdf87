package dev.pave.workflows.catalog;

import dev.pave.workflows.catalog.TerraformType.Attribute;
import dev.pave.workflows.catalog.TerraformType.Collection;
import dev.pave.workflows.catalog.TerraformType.Primitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive descent over Terraform's type constraint syntax: {@code string}, {@code list(T)},
 * {@code object({a = T, b = optional(T)})}, {@code tuple([A, B])}. Commas between object
 * attributes are optional, as in HCL.
 */
final class TerraformTypeParser {
  private final String text;
  private int pos;

  private TerraformTypeParser(String text) {
    this.text = text;
  }

  static TerraformType parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no type given");
    }
    TerraformTypeParser parser = new TerraformTypeParser(text);
    TerraformType type = parser.type();
    parser.skipSpace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the type");
    }
    return type;
  }

  private TerraformType type() {
    String keyword = identifier();
    return switch (keyword) {
      case "string" -> Primitive.STRING;
      case "number" -> Primitive.NUMBER;
      case "bool" -> Primitive.BOOL;
      case "any" -> Primitive.ANY;
      case "list" -> new Collection(Collection.Kind.LIST, inParens());
      case "set" -> new Collection(Collection.Kind.SET, inParens());
      case "map" -> new Collection(Collection.Kind.MAP, inParens());
      case "object" -> object();
      case "tuple" -> tuple();
      default -> throw error("unknown type '" + keyword + "'");
    };
  }

  private TerraformType inParens() {
    expect('(');
    TerraformType element = type();
    expect(')');
    return element;
  }

  private TerraformType object() {
    expect('(');
    expect('{');
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    while (!peek('}')) {
      String name = identifier();
      expect('=');
      if (attributes.put(name, attribute()) != null) {
        throw error("attribute '" + name + "' appears twice");
      }
      accept(',');
    }
    expect('}');
    expect(')');
    return new TerraformType.ObjectType(attributes);
  }

  private Attribute attribute() {
    int start = pos;
    skipSpace();
    if (text.startsWith("optional", pos)) {
      identifier();
      if (peek('(')) {
        return new Attribute(inParens(), true);
      }
      pos = start;
    }
    return new Attribute(type(), false);
  }

  private TerraformType tuple() {
    expect('(');
    expect('[');
    List<TerraformType> elements = new ArrayList<>();
    while (!peek(']')) {
      elements.add(type());
      if (!accept(',')) {
        break;
      }
    }
    expect(']');
    expect(')');
    return new TerraformType.Tuple(elements);
  }

  private String identifier() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a type or a name");
    }
    return text.substring(start, pos);
  }

  private boolean peek(char c) {
    skipSpace();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean accept(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(problem + " at position " + pos + " of type '" + text + "'");
  }
}
