package dev.pave.workflows.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Terraform type constraint, as far as Pave needs it to check request inputs before Terraform
 * sees them. {@link #toString()} prints the canonical form that {@link #parse(String)} reads
 * back, so a {@link ModuleInput} can carry its type as a plain string.
 */
public sealed interface TerraformType {

  static TerraformType parse(String text) {
    return TerraformTypeParser.parse(text);
  }

  /** string, number, bool and any. */
  enum Primitive implements TerraformType {
    STRING, NUMBER, BOOL, ANY;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** list(T), set(T) and map(T): every element (or map value) has the same type. */
  record Collection(Kind kind, TerraformType element) implements TerraformType {
    public enum Kind { LIST, SET, MAP }

    @Override
    public String toString() {
      return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + element + ")";
    }
  }

  /** object({...}): named attributes, each with its own type, some optional. */
  record ObjectType(Map<String, Attribute> attributes) implements TerraformType {
    public ObjectType {
      attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    @Override
    public String toString() {
      return attributes.entrySet().stream()
          .map(e -> e.getKey() + " = " + e.getValue())
          .collect(Collectors.joining(", ", "object({", "})"));
    }
  }

  /**
   * An object attribute. The default of {@code optional(T, default)} is left out: Terraform fills
   * it in, and Pave only needs to know that the attribute may be omitted.
   */
  record Attribute(TerraformType type, boolean optional) {
    @Override
    public String toString() {
      return optional ? "optional(" + type + ")" : type.toString();
    }
  }

  /** tuple([A, B]): a fixed number of elements, each with its own type. */
  record Tuple(List<TerraformType> elements) implements TerraformType {
    public Tuple {
      elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
      return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "tuple([", "])"));
    }
  }
}
