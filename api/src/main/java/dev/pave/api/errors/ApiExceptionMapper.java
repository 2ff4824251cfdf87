package dev.pave.api.errors;

import dev.pave.api.auth.TooManyFailedSignIns;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Override
  public Response toResponse(ApiException exception) {
    Response.ResponseBuilder response = Response.status(exception.code()).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(exception.toError());
    if (exception instanceof TooManyFailedSignIns limited) {
      response.header("Retry-After", limited.retryAfterSeconds());
    }
    return response.build();
  }
}
