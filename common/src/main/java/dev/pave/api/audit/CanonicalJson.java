package dev.pave.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one serialization that is hashed and signed: JSON, no whitespace, object keys sorted at
 * every level, strings escaped minimally (as Jackson writes them), UTF-8. Any tool that sorts
 * keys (jq -cS) reproduces it, which is what lets an auditor check a hash without Pave.
 */
public final class CanonicalJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalJson() {}

  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsString(sorted(node)).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectMapper mapper() {
    return JSON;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      Iterator<String> it = node.fieldNames();
      it.forEachRemaining(names::add);
      names.sort(String::compareTo);
      ObjectNode out = JSON.createObjectNode();
      for (String name : names) {
        out.set(name, sorted(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }
}
