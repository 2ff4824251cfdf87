package dev.pave.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** `--timeout 30m`, `90s`, `1h30m`, `2h`, plain seconds (`600`), or ISO-8601 (`PT30M`). */
public final class Durations implements ITypeConverter<Duration> {

  private static final Pattern PARTS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  @Override
  public Duration convert(String text) {
    return parse(text);
  }

  public static Duration parse(String text) {
    String value = text.strip().toLowerCase();
    try {
      if (value.startsWith("pt")) {
        return positive(Duration.parse(value.toUpperCase()), text);
      }
      if (value.matches("\\d+")) {
        return positive(Duration.ofSeconds(Long.parseLong(value)), text);
      }
      Matcher parts = PARTS.matcher(value);
      if (!value.isEmpty() && parts.matches()) {
        return positive(Duration.ofHours(number(parts.group(1))).plusMinutes(number(parts.group(2)))
            .plusSeconds(number(parts.group(3))), text);
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // falls through to the message below
    }
    throw new TypeConversionException("'" + text + "' is not a duration (e.g. 90s, 30m, 1h30m, PT30M)");
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  private static Duration positive(Duration duration, String text) {
    if (duration.isZero() || duration.isNegative()) {
      throw new TypeConversionException("'" + text + "' must be longer than zero");
    }
    return duration;
  }
}
