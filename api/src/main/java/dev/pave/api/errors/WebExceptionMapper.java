package dev.pave.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own errors (unknown path, wrong method, wrong media type) in the API's JSON shape. */
public final class WebExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    String message = StatusMessages.of(status);
    Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiError.of(status, message));
    if (status == 401) {
      response.header("WWW-Authenticate", "Bearer realm=\"pave\"");
    }
    return response.build();
  }
}
