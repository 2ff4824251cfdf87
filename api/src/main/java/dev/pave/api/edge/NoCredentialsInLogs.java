package dev.pave.api.edge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Drops any log event that would print a credential: an {@code Authorization} header with its
 * value, a bearer token, or an {@code access_token} parameter. Jetty and Jersey print request
 * headers at DEBUG; whoever raises a level (in pave.yml, or on a live process) must not turn
 * the log into a token store. Jetty's DEBUG dumps of raw buffers (marked {@code <<<...>>>}) show
 * the first and last bytes of a request, which can be the end of its Authorization header: they
 * are dropped too. Only events that would be written are examined.
 */
public final class NoCredentialsInLogs extends TurboFilter {

  private static final Pattern CREDENTIAL = Pattern.compile(
      "(?i)(authorization\\s*[:=]\\s*\\S|bearer\\s+[A-Za-z0-9._~+/=-]{8,}|access_token\\s*=)");

  /** Installs the filter once on the logging context (Dropwizard resets the context when it configures logging). */
  public static void install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    if (context.getTurboFilterList().stream().noneMatch(NoCredentialsInLogs.class::isInstance)) {
      NoCredentialsInLogs filter = new NoCredentialsInLogs();
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
      return FilterReply.NEUTRAL;
    }
    String text = params == null || params.length == 0 ? format : MessageFormatter.arrayFormat(format, params).getMessage();
    if (logger.getName().startsWith("org.eclipse.jetty") && text.contains("<<<")) {
      return FilterReply.DENY; // a raw buffer: may hold any piece of any header
    }
    if (CREDENTIAL.matcher(text).find() || t != null && t.getMessage() != null && CREDENTIAL.matcher(t.getMessage()).find()) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
