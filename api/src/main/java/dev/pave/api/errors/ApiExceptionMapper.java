package dev.pave.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Override
  public Response toResponse(ApiException exception) {
    Response.ResponseBuilder response = Response.status(exception.code()).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(exception.toError());
    if (exception.retryAfterSeconds() != null) {
      response.header("Retry-After", exception.retryAfterSeconds());
    }
    return response.build();
  }
}
