package dev.pave.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.pave.api.edge.NulFreeJson;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A body that is not JSON, or JSON of the wrong shape: 400 naming the field, without echoing
 * the value or Jackson's internals (class names, source locations). A NUL character in a string
 * is a 422 naming the field (see {@link NulFreeJson}).
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
      error = new ApiError(400, field + " has the wrong type or format",
          List.of(new ApiError.FieldMessage(field, "has the wrong type or format")));
    } else {
      error = ApiError.of(400, "the request body is not valid JSON");
    }
    return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }

  private static String fieldOf(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
