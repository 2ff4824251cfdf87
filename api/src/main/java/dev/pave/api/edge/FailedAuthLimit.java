package dev.pave.api.edge;

import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;

/**
 * Bounds bearer-credential guessing on the API, around the bearer filter itself: the credential
 * is checked first, so a valid one is served whatever its address's count of failures (others'
 * failures never lock a CI runner out); a refused one (401, a wrong Pave token or a refused OIDC
 * token) counts against its client address and, past the limit, is answered 429 with
 * Retry-After instead. Requests without credentials are neither counted nor refused here. The
 * address is the client behind any trusted proxies ({@link ForwardedFromTrustedProxies}).
 */
@Priority(Priorities.AUTHENTICATION)
public final class FailedAuthLimit implements ContainerRequestFilter {

  private final ContainerRequestFilter bearer;
  private final FailedSignIns failures;
  @Context
  private HttpServletRequest servletRequest;

  public FailedAuthLimit(ContainerRequestFilter bearer, FailedSignIns failures) {
    this.bearer = bearer;
    this.failures = failures;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    try {
      bearer.filter(request);
    } catch (WebApplicationException | ApiException refused) {
      if (status(refused) == 401 && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
        failures.countFailureOrRefuse(servletRequest.getRemoteAddr());
      }
      throw refused;
    }
  }

  private static int status(RuntimeException refused) {
    return refused instanceof ApiException api ? api.code() : ((WebApplicationException) refused).getResponse().getStatus();
  }
}
