package dev.pave.api.edge;

import dev.pave.api.errors.ApiError;
import dev.pave.api.errors.ApiException;
import dev.pave.api.errors.ErrorJson;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a query string may carry, checked on every path before anything reads it:
 * <ul>
 *   <li>no credential: Dropwizard's bearer filter would take {@code ?access_token=}, and a URL
 *       lands in proxies, browser histories and request logs, so it is refused (400) before any
 *       authentication, whether the token is valid or not;</li>
 *   <li>no NUL character: PostgreSQL refuses it in text and would turn a filter like
 *       {@code ?workspace=a%00} into a 500; it is a 422 naming the parameter instead;</li>
 *   <li>valid percent-encoding (400).</li>
 * </ul>
 */
public final class QueryStringRules implements Filter {

  static final String CREDENTIAL_PARAMETER = "access_token";
  /** A parameter name is echoed in the error only when it is a plain identifier. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ApiError refusal = check(((HttpServletRequest) request).getQueryString());
    if (refusal != null) {
      ErrorJson.write((HttpServletResponse) response, refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  static ApiError check(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name;
      String value;
      try {
        name = decode(equals < 0 ? pair : pair.substring(0, equals));
        value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      } catch (IllegalArgumentException badEncoding) {
        return ApiError.of(400, "the query string is not validly percent-encoded");
      }
      if (name.toLowerCase(Locale.ROOT).equals(CREDENTIAL_PARAMETER)) {
        return ApiError.of(400, "credentials are accepted only in the Authorization header (Authorization: Bearer"
            + " <token>), never in a URL; treat a token sent in a URL as leaked and revoke it");
      }
      if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
        String field = PLAIN_NAME.matcher(name).matches() ? name : "query";
        return ApiException.invalid(field, "must not contain a NUL character").toError();
      }
    }
    return null;
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
