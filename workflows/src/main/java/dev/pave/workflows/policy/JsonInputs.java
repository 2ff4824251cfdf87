package dev.pave.workflows.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON (and plain Java maps) into the values cel-java evaluates: objects become {@code
 * Map<String, Object>}, arrays {@code List}, whole numbers {@code Long}, other numbers {@code
 * Double}, JSON null CEL's {@code null}.
 *
 * <p>Why this matters: cel-java finds no overload for a Java {@code Integer}, and it reads a Java
 * {@code null} inside a map as an <em>unknown</em> value, so {@code x == null} would evaluate to an
 * unknown set instead of {@code true}. Everything handed to CEL goes through here.
 */
public final class JsonInputs {
  private JsonInputs() {}

  /** The CEL value of a JSON node; a missing node is CEL's {@code null}. */
  public static Object toCelValue(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toCelValue(e.getValue())));
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(toCelValue(element)));
      return Collections.unmodifiableList(list);
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    throw new IllegalArgumentException("no CEL value for JSON node of type " + node.getNodeType());
  }

  /** {@link #toCelValue} for a node that must be a JSON object (a policy input document). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toCelMap(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got "
          + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
    }
    return (Map<String, Object>) toCelValue(node);
  }

  /**
   * The CEL value of a Java value built in code: maps with string keys, collections, strings,
   * booleans, any {@code Number} and null; JSON nodes are converted as by {@link #toCelValue}.
   */
  public static Object normalize(Object value) {
    if (value == null || value == NullValue.NULL_VALUE) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof JsonNode node) {
      return toCelValue(node);
    }
    if (value instanceof Map<?, ?> map) {
      return normalizeMap(map);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      collection.forEach(element -> list.add(normalize(element)));
      return Collections.unmodifiableList(list);
    }
    if (value instanceof Number number) {
      return normalizeNumber(number);
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("no CEL value for " + value.getClass().getName());
  }

  /** {@link #normalize} for a map, the shape of every policy input document. */
  public static Map<String, Object> normalizeMap(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, val) -> {
      if (!(key instanceof String name)) {
        throw new IllegalArgumentException("map keys must be strings, got " + key);
      }
      result.put(name, normalize(val));
    });
    return Collections.unmodifiableMap(result);
  }

  private static Object normalizeNumber(Number number) {
    if (number instanceof Long || number instanceof Double) {
      return number;
    }
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return number.longValue();
    }
    if (number instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    }
    if (number instanceof BigDecimal decimal && decimal.scale() <= 0) {
      return normalizeNumber(decimal.toBigIntegerExact());
    }
    return number.doubleValue();
  }
}
