package dev.pave.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;

/**
 * Free-form JSON (a module's inputs and outputs, policy details) is any JSON value, or any object
 * for an {@link ObjectNode}; without this swagger-core would describe Jackson's node classes.
 */
final class JsonTrees implements ModelConverter {

  @Override
  @SuppressWarnings("rawtypes")
  public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
    Class<?> declared = declaredImplementation(type);
    if (declared != null) {
      // `@Schema(implementation = Integer.class)` on a JsonNode field: the JSON it must hold.
      return context.resolve(new AnnotatedType(declared));
    }
    if (raw != null && JsonNode.class.isAssignableFrom(raw)) {
      Schema<?> schema = ObjectNode.class.isAssignableFrom(raw) ? new ObjectSchema() : new Schema<>();
      return schema.nullable(nullable(type) ? true : null);
    }
    return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
  }

  private static Class<?> declaredImplementation(AnnotatedType type) {
    if (type.getCtxAnnotations() == null || type.getType() == null
        || !JsonNode.class.isAssignableFrom(Json.mapper().constructType(type.getType()).getRawClass())) {
      return null;
    }
    for (var annotation : type.getCtxAnnotations()) {
      if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
          && schema.implementation() != Void.class) {
        return schema.implementation();
      }
    }
    return null;
  }

  private static boolean nullable(AnnotatedType type) {
    if (type.getCtxAnnotations() == null) {
      return false;
    }
    for (var annotation : type.getCtxAnnotations()) {
      if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema && schema.nullable()) {
        return true;
      }
    }
    return false;
  }
}
