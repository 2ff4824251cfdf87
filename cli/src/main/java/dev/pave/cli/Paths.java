package dev.pave.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A user's id or name as one URL path segment: never a way to reach another path. */
final class Paths {

  private Paths() {}

  static String segment(String value) {
    if (value == null || value.isBlank()) {
      throw new CliFailure(ExitCode.USAGE, "an id or name is needed");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
