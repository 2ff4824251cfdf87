package dev.pave.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.pave.api.edge.NulFreeJson;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A body that is not JSON, or has a field Pave does not know: 400. JSON whose field has the wrong
 * type (a boolean for a string, 1.5 for a whole number, "" for a number) or a string with a NUL
 * character (see {@link NulFreeJson}): 422 naming the field, like every other invalid field.
 * Never echoes the value or Jackson's internals (class names, source locations).
 */
public final class JsonInputExceptionMapper implements jakarta.ws.rs.ext.ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException exception) {
    ApiError error;
    if (exception instanceof NulFreeJson.NulCharacter nul) {
      String field = nul.getPath().isEmpty() ? "body" : fieldOf(nul);
      error = ApiException.invalid(field, "must not contain a NUL character").toError();
      return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
    if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = fieldOf(mapping);
      if (mapping instanceof MismatchedInputException mismatch && !(mapping instanceof UnrecognizedPropertyException)) {
        String problem = mismatch instanceof InvalidNullException ? "must not be null; leave it out instead"
            : "must be " + expected(mismatch.getTargetType());
        error = new ApiError(422, field + " " + problem, List.of(new ApiError.FieldMessage(field, problem)));
      } else {
        error = new ApiError(400, field + " has the wrong type or format",
            List.of(new ApiError.FieldMessage(field, "has the wrong type or format")));
      }
    } else {
      error = ApiError.of(400, "the request body is not valid JSON");
    }
    return Response.status(error.code()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }

  /** The JSON type a body field wants, in the caller's words. */
  private static String expected(Class<?> target) {
    if (target == null) {
      return "of another type";
    }
    if (target == String.class) {
      return "a string";
    }
    if (target == Integer.class || target == int.class || target == Long.class || target == long.class
        || target == Short.class || target == short.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
      return "a number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "a list";
    }
    return "an object";
  }

  private static String fieldOf(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
