package dev.pave.api.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Pave's records are written whole (Jackson writes a null as null, never leaves a field out), so
 * every component of a record is {@code required} in the document; a request body's optional
 * fields say {@code @Schema(requiredMode = NOT_REQUIRED)}. Whether a value can be null is said
 * where it can: {@code @Schema(nullable = true)}.
 */
final class RecordsAreComplete implements ModelConverter {

  @Override
  @SuppressWarnings("rawtypes")
  public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema resolved = chain.next().resolve(type, context, chain);
    Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
    if (resolved == null || raw == null || !raw.isRecord() || !raw.getName().startsWith("dev.pave.")) {
      return resolved;
    }
    Schema model = resolved;
    if (resolved.get$ref() != null) {
      String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
      model = context.getDefinedModels().get(name);
    }
    if (model != null && model.getProperties() != null) {
      List<String> required = new ArrayList<>();
      for (RecordComponent component : raw.getRecordComponents()) {
        String name = propertyName(component);
        if (model.getProperties().containsKey(name) && !optional(component)) {
          required.add(name);
        }
      }
      model.setRequired(required.isEmpty() ? null : required);
    }
    return resolved;
  }

  private static String propertyName(RecordComponent component) {
    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
    return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
  }

  private static boolean optional(RecordComponent component) {
    io.swagger.v3.oas.annotations.media.Schema schema =
        component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
    return schema != null && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
  }
}
