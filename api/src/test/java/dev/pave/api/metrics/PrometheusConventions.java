package dev.pave.api.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus's naming conventions, checked on a whole /prometheus page: by {@code promtool check
 * metrics} when it is installed (CI: .ci/run fetches it), and always by the rules it applies here,
 * so the test means something on a machine without it.
 */
final class PrometheusConventions {

  private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);
  private static final Pattern SNAKE = Pattern.compile("[a-z_:][a-z0-9_:]*");
  /** An address or a port inside a name: an IPv4 address's four numbers, or a lone 2-5 digit group. */
  private static final Pattern ADDRESS = Pattern.compile("(^|_)(\\d{1,3}_\\d{1,3}_\\d{1,3}_\\d{1,3}|\\d{2,5})(_|$)");
  private static final Pattern NON_BASE_UNIT = Pattern.compile(
      "(^|_)(milliseconds|millis|ms|microseconds|nanoseconds|ns|minutes|hours|days|kilobytes|megabytes|kb|mb)(_|$)");

  private PrometheusConventions() {}

  /** What breaks a convention, one line each; empty when the page follows them all. */
  static List<String> problems(String page) {
    List<String> problems = new ArrayList<>();
    Matcher type = TYPE.matcher(page);
    while (type.find()) {
      String name = type.group(1);
      String kind = type.group(2);
      if (!SNAKE.matcher(name).matches()) {
        problems.add(name + ": not snake_case");
      }
      if (ADDRESS.matcher(name).find()) {
        problems.add(name + ": an address or port inside the name (a label, or nothing)");
      }
      if (NON_BASE_UNIT.matcher(name).find()) {
        problems.add(name + ": not in base units (seconds, bytes)");
      }
      if (!kind.equals("histogram") && !kind.equals("summary")
          && (name.endsWith("_count") || name.endsWith("_sum") || name.endsWith("_bucket"))) {
        problems.add(name + ": a " + kind + " with a histogram's suffix");
      }
      if (kind.equals("gauge") && name.endsWith("_total")) {
        problems.add(name + ": a gauge named like a counter");
      }
    }
    return problems;
  }

  /** promtool's own findings, or null when promtool is not installed here. */
  static List<String> promtool(String page) throws IOException, InterruptedException {
    Path binary = promtoolBinary();
    if (binary == null) {
      return null;
    }
    Process process = new ProcessBuilder(binary.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
      in.write(page.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool did not finish");
    }
    List<String> lines = new ArrayList<>(output.lines().filter(l -> !l.isBlank()).toList());
    if (process.exitValue() != 0 && lines.isEmpty()) {
      lines.add("promtool exited " + process.exitValue());
    }
    return lines;
  }

  private static Path promtoolBinary() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getenv("PROMTOOL");
    if (configured != null) {
      candidates.add(Path.of(configured));
    }
    candidates.add(Path.of("/tmp/prom/usr/bin/promtool")); // where .ci/run unpacks Debian's package
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      candidates.add(Path.of(dir, "promtool"));
    }
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }
}
