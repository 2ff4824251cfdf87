package dev.pave.api.session;

import java.net.URI;
import java.util.Locale;

/**
 * Where browsers reach Pave: the configured {@code publicUrl} when there is one (behind a proxy
 * that terminates TLS, the request Pave sees is plain http), else the request's own scheme and
 * Host. It decides two things: the origin a browser POST must come from, and whether cookies are
 * {@code Secure} with the {@code __Host-} prefix. {@code X-Forwarded-Proto} is not read here: any
 * client can send it; it reaches the request's scheme only when the connector is configured with
 * {@code useForwardedHeaders: true} and the request came from one of {@code trustedProxies}
 * (ForwardedFromTrustedProxies).
 */
public final class ServerOrigin {

  private final String configured;

  private ServerOrigin(String configured) {
    this.configured = configured;
  }

  /** From {@code publicUrl} (null or blank: each request's own origin). Refuses anything but http(s)://host[:port][/path]. */
  public static ServerOrigin from(String publicUrl) {
    if (publicUrl == null || publicUrl.isBlank()) {
      return new ServerOrigin(null);
    }
    URI uri;
    try {
      uri = URI.create(publicUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("publicUrl must be an absolute http(s) URL such as https://pave.example.com");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("publicUrl must be an absolute http(s) URL such as https://pave.example.com");
    }
    return new ServerOrigin(origin(uri));
  }

  /** The origin ({@code scheme://host[:port]}) a browser on Pave's own pages sends. */
  public String expected(URI requestUri) {
    return configured != null ? configured : origin(requestUri);
  }

  /** Whether browsers reach Pave over HTTPS, so cookies must be Secure and carry the __Host- prefix. */
  public boolean https(URI requestUri) {
    return expected(requestUri).startsWith("https://");
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
