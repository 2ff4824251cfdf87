package dev.pave.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Jackson mapper for the CLI, created on first use (so `pave --version` never pays for it). */
public final class Json {

  private static final class Holder {
    // Trailing tokens fail: "--set note=true story" is the string, not true.
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  public static ObjectNode object(String... keysAndValues) {
    ObjectNode node = mapper().createObjectNode();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      node.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return node;
  }

  public static JsonNode parse(String text) {
    try {
      return mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  public static String pretty(JsonNode node) {
    try {
      return mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
