package dev.pave.api.edge;

import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.auth.TooManyFailedSignIns;
import dev.pave.api.errors.ErrorJson;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Bounds bearer-token guessing: a request that presents a token from an address over its limit
 * of failures is refused with 429 before the token is even looked up, and each 401 answered to a
 * request that presented one counts as a failure of its address. Requests without credentials
 * (the health check, the browser's pages) are neither counted nor refused here; the browser
 * sign-in counts its own failures through the same {@link FailedSignIns}.
 */
public final class FailedAuthLimit implements Filter {

  private final FailedSignIns failures;

  public FailedAuthLimit(FailedSignIns failures) {
    this.failures = failures;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (request.getHeader("Authorization") == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    OptionalLong wait = failures.retryAfterSeconds(address);
    if (wait.isPresent()) {
      response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
      ErrorJson.write(response, new TooManyFailedSignIns(wait.getAsLong()).toError());
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == 401) {
      failures.recordFailure(address);
    }
  }
}
