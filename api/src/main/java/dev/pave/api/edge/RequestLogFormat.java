package dev.pave.api.edge;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;

/**
 * Dropwizard's default request-log line prints the request line ({@code %r}) with its query
 * string, so a URL that carried a credential was kept verbatim in the log. Pave's default logs
 * the path without the query; everything else is Dropwizard's default. A {@code logFormat} set in
 * pave.yml is left as written (its author owns what it prints; see docs/security.md).
 */
public final class RequestLogFormat {

  static final String WITHOUT_QUERY =
      "%h %l %u [%t{dd/MMM/yyyy:HH:mm:ss Z,UTC}] \"%m %U %H\" %s %b \"%i{Referer}\" \"%i{User-Agent}\" %D";

  private RequestLogFormat() {}

  public static void apply(ServerFactory server) {
    if (server instanceof AbstractServerFactory factory
        && factory.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog) {
      for (var appender : requestLog.getAppenders()) {
        if (appender instanceof AbstractAppenderFactory<?> configurable && configurable.getLogFormat() == null) {
          configurable.setLogFormat(WITHOUT_QUERY);
        }
      }
    }
  }
}
