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
    String message = switch (status) {
      case 401 -> "a valid bearer token is required (Authorization: Bearer <token>)";
      case 403 -> "your role may not do this";
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 406 -> "only application/json responses are available here";
      case 413 -> "the request body is too large";
      case 415 -> "send the body as application/json";
      default -> status >= 500 ? "internal error" : "bad request";
    };
    Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiError.of(status, message));
    if (status == 401) {
      response.header("WWW-Authenticate", "Bearer realm=\"pave\"");
    }
    return response.build();
  }
}
