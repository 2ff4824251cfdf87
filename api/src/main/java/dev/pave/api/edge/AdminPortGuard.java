package dev.pave.api.edge;

import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.auth.TooManyFailedSignIns;
import dev.pave.api.errors.ApiError;
import dev.pave.api.errors.ErrorJson;
import dev.pave.api.errors.StatusMessages;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The admin port serves what monitoring needs and nothing else: {@code GET /prometheus} and
 * {@code GET /healthcheck}. Dropwizard's tasks ({@code POST /tasks/log-level} turned on Jetty
 * DEBUG, which logs request headers, bearer tokens included; {@code /tasks/gc}), its thread dump
 * ({@code /threads}), CPU profile ({@code /pprof}), metrics JSON and menu page are not served
 * (404), whoever asks: nothing on this port changes state. With a scrape token configured
 * ({@code admin.prometheusToken}), every call needs it as {@code Authorization: Bearer}; a wrong
 * one counts against the caller's failed-authentication limit like any other door's.
 */
public final class AdminPortGuard implements Filter {

  static final Set<String> SERVED = Set.of("/prometheus", "/healthcheck");
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

  private final byte[] scrapeToken;
  private final FailedSignIns failures;

  /** {@code scrapeToken} null: open to whoever reaches the port (loopback by default). */
  public AdminPortGuard(String scrapeToken, FailedSignIns failures) {
    this.scrapeToken = scrapeToken == null ? null : scrapeToken.getBytes(StandardCharsets.UTF_8);
    this.failures = failures;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!SERVED.contains(path)) {
      ErrorJson.write(response, ApiError.of(404, StatusMessages.of(404)));
      return;
    }
    if (!READ_METHODS.contains(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD");
      ErrorJson.write(response, ApiError.of(405, StatusMessages.of(405)));
      return;
    }
    if (scrapeToken != null && !presentsScrapeToken(request.getHeader("Authorization"))) {
      OptionalLong wait = request.getHeader("Authorization") == null ? OptionalLong.empty()
          : failures.countFailure(request.getRemoteAddr());
      if (wait.isPresent()) {
        response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
        ErrorJson.write(response, new TooManyFailedSignIns(wait.getAsLong()).toError());
        return;
      }
      response.setHeader("WWW-Authenticate", "Bearer realm=\"pave-admin\"");
      ErrorJson.write(response, ApiError.of(401,
          "the admin port needs the scrape token (admin.prometheusToken) as Authorization: Bearer <token>"));
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean presentsScrapeToken(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented, scrapeToken); // constant time: no timing oracle on the token
  }
}
