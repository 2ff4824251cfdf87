package dev.pave.api.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * No JSON string that Pave reads, in any body, carries a NUL character ({@code \u0000}):
 * PostgreSQL refuses it in text and jsonb, which turned an approval comment or a module input
 * into a 500 after the request had been half handled. Refused while the body is parsed, as
 * {@link NulCharacter}, which the JSON input mapper answers with a 422 naming the field.
 * Covers typed string fields and free JSON trees (module inputs), values and keys alike.
 */
public final class NulFreeJson {

  private NulFreeJson() {}

  public static Module module() {
    SimpleModule module = new SimpleModule("pave-nul-free-json");
    module.addDeserializer(String.class, new NulFreeString());
    @SuppressWarnings({"unchecked", "rawtypes"})
    JsonDeserializer<JsonNode> trees = (JsonDeserializer) new NulFreeTree(JsonNodeDeserializer.getDeserializer(JsonNode.class));
    module.addDeserializer(JsonNode.class, trees);
    return module;
  }

  /** The JSON-path of the offending value is added by Jackson as the exception travels up. */
  public static final class NulCharacter extends JsonMappingException {
    NulCharacter(JsonParser parser) {
      super(parser, "a string contains a NUL character");
    }
  }

  /** Jackson's own string handling (and any coercion settings made on the mapper), then the check. */
  private static final class NulFreeString extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null && value.indexOf('\0') >= 0) {
        throw new NulCharacter(p);
      }
      return value;
    }
  }

  private static final class NulFreeTree extends DelegatingDeserializer {
    NulFreeTree(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new NulFreeTree(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object tree = super.deserialize(p, ctxt);
      if (tree instanceof JsonNode node) {
        refuseNul(node, p);
      }
      return tree;
    }

    private static void refuseNul(JsonNode node, JsonParser p) throws NulCharacter {
      if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
        throw new NulCharacter(p);
      }
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          try {
            refuseNul(node.get(i), p);
          } catch (NulCharacter e) {
            e.prependPath(node, i);
            throw e;
          }
        }
      } else if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          try {
            if (field.getKey().indexOf('\0') >= 0) {
              throw new NulCharacter(p);
            }
            refuseNul(field.getValue(), p);
          } catch (NulCharacter e) {
            e.prependPath(node, field.getKey().indexOf('\0') >= 0 ? "?" : field.getKey());
            throw e;
          }
        }
      }
    }
  }
}
