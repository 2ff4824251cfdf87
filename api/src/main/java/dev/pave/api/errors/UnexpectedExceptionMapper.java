package dev.pave.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else is Pave's fault: log it with an id, answer 500 with that id and nothing else.
 * A database that cannot be reached is the one failure a caller can wait out: 503.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable exception) {
    if (DatabaseUnavailable.causedBy(exception)) {
      LOG.warn("database unavailable: {}", exception.getMessage());
      return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "10")
          .entity(ApiError.of(503, "Pave's database is unavailable; nothing was changed, retry later")).build();
    }
    String id = UUID.randomUUID().toString();
    LOG.error("unexpected error {}", id, exception);
    return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiError.of(500, "internal error " + id + " (the server log has the details)")).build();
  }
}
