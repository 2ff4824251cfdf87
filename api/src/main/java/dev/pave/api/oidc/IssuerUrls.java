package dev.pave.api.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where Pave may fetch an issuer's discovery document and keys: https, or plain http on loopback
 * only (a test's issuer). Keys fetched in clear over a network could be swapped in transit, and
 * then any token signed by whoever swapped them would pass.
 */
final class IssuerUrls {

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private IssuerUrls() {}

  /** Why the URL is not acceptable, or empty when it is. */
  static Optional<String> problem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is required");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      return Optional.of("must be an absolute URL with a host, and no user, query or fragment");
    }
    if (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()))) {
      return Optional.empty();
    }
    return Optional.of("must use https (plain http only on loopback, for tests)");
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
  }
}
