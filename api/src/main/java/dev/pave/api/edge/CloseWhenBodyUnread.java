package dev.pave.api.edge;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * An answer given before the request's body was read (a refused token, a rate limit) leaves that
 * body on the connection, and when it has not all arrived yet Jetty closes the connection after
 * the answer. Without saying so in the answer, a keep-alive client (the JDK's HttpClient, the CLI)
 * has already put the connection back in its pool, and its next call fails with "header parser
 * received no bytes". So such an answer says {@code Connection: close}. Whether the body was read
 * is recorded when Jersey reads it: asking the stream would block until the client sends it.
 */
public final class CloseWhenBodyUnread implements ContainerResponseFilter, ReaderInterceptor {

  private static final String CONNECTION = "Connection";
  private static final String BODY_READ = CloseWhenBodyUnread.class.getName() + ".bodyRead";

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setProperty(BODY_READ, Boolean.TRUE);
    return context.proceed();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (hasBody(request) && request.getProperty(BODY_READ) == null
        && !response.getHeaders().containsKey(CONNECTION)) {
      response.getHeaders().putSingle(CONNECTION, "close");
    }
  }

  private static boolean hasBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
  }
}
