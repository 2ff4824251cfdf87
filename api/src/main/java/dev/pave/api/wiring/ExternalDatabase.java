package dev.pave.api.wiring;

import dev.pave.api.config.DatabaseSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Cluster mode: Pave's tables in the configured PostgreSQL; Terraform state there too unless configured apart. */
final class ExternalDatabase {

  private ExternalDatabase() {}

  static DatabaseEndpoints of(DatabaseSettings settings, String stateDatabaseUrl) {
    boolean apart = stateDatabaseUrl != null && !stateDatabaseUrl.isBlank();
    String state = apart ? stateDatabaseUrl : libpqFromJdbc(settings.url, settings.user, settings.password);
    StateDatabase jdbc = apart ? StateDatabase.fromLibpq(stateDatabaseUrl).orElse(null)
        : new StateDatabase(settings.url, settings.user, settings.password);
    return new DatabaseEndpoints(settings.url, settings.user, settings.password, settings.user, settings.password,
        state, jdbc, Map.of(), Map.of(), () -> { });
  }

  /** jdbc:postgresql://host:port/db?x=y to postgres://user:password@host:port/db?x=y for Terraform's pg backend. */
  static String libpqFromJdbc(String jdbcUrl, String user, String password) {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("database.url must start with jdbc:postgresql://");
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    StringBuilder url = new StringBuilder("postgres://");
    if (user != null) {
      url.append(URLEncoder.encode(user, StandardCharsets.UTF_8));
      if (password != null) {
        url.append(':').append(URLEncoder.encode(password, StandardCharsets.UTF_8));
      }
      url.append('@');
    }
    url.append(uri.getHost()).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append(uri.getPath());
    if (uri.getQuery() != null) {
      url.append('?').append(uri.getQuery());
    }
    return url.toString();
  }
}
