package dev.pave.api.wiring;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The database holding Terraform state, as JDBC reaches it (Terraform itself gets a libpq URL). */
record StateDatabase(String jdbcUrl, String user, String password) {

  /**
   * postgres://user:password@host:port/db?x=y as JDBC; empty for what JDBC cannot take apart (the
   * keyword form "host=... dbname=...").
   */
  static Optional<StateDatabase> fromLibpq(String url) {
    if (url == null || !(url.startsWith("postgres://") || url.startsWith("postgresql://"))) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        return Optional.empty();
      }
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      }
      String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
          + (uri.getRawPath() == null ? "/" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      return Optional.of(new StateDatabase(jdbc, user, password));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
