package dev.pave.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over the limit with 413: by the declared length before reading, and while
 * reading for chunked bodies that declare none.
 */
public final class BodySizeLimit implements ContainerRequestFilter, ReaderInterceptor {

  private final long maxBytes;

  public BodySizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      throw new WebApplicationException(413);
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new Limited(context.getInputStream(), maxBytes));
    return context.proceed();
  }

  private static final class Limited extends FilterInputStream {
    private long remaining;

    Limited(InputStream in, long max) {
      super(in);
      this.remaining = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --remaining < 0) {
        throw new WebApplicationException(413);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0 && (remaining -= n) < 0) {
        throw new WebApplicationException(413);
      }
      return n;
    }
  }
}
