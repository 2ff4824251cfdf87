package dev.pave.api.core;

import dev.pave.api.errors.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "30d", "12h", "90m" (back from now) or an ISO-8601 instant: how callers say "since when". */
public final class TimeWindows {

  /** What {@link #since} accepts, for the OpenAPI document: a relative window or an ISO-8601 instant. */
  public static final String PATTERN = "^(\\d{1,5}[dhm]|\\d{4}-\\d{2}-\\d{2}T\\S+)$";

  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,5})([dhm])");

  private TimeWindows() {}

  public static Instant since(String field, String value, Clock clock) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, "is required: \"30d\", \"12h\" or an ISO-8601 instant");
    }
    Matcher relative = RELATIVE.matcher(value.trim());
    if (relative.matches()) {
      long amount = Long.parseLong(relative.group(1));
      Duration back = switch (relative.group(2)) {
        case "d" -> Duration.ofDays(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofMinutes(amount);
      };
      return InstantRange.check(field, clock.instant().minus(back));
    }
    try {
      return InstantRange.check(field, Instant.parse(value.trim()));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "must be like \"30d\", \"12h\" or an ISO-8601 instant");
    }
  }
}
