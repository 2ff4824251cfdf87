package dev.pave.api.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4): it refuses anything a
 * Prometheus server would refuse, and checks what a histogram promises (cumulative buckets,
 * +Inf equal to _count). Samples are keyed by name and sorted labels.
 */
final class PrometheusText {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME.pattern() + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME.pattern() + ") .*");
  private static final Pattern SAMPLE = Pattern.compile("(" + NAME.pattern() + ")(\\{(.*)})? (\\S+)( -?\\d+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\",?");

  final Map<String, String> types = new HashMap<>();
  final Map<String, Double> samples = new LinkedHashMap<>();

  static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    String[] lines = text.split("\n", -1);
    if (!lines[lines.length - 1].isEmpty()) {
      throw new IllegalArgumentException("the exposition must end with a line feed");
    }
    for (int i = 0; i < lines.length - 1; i++) {
      parsed.line(lines[i], i + 1);
    }
    parsed.checkHistograms();
    return parsed;
  }

  private void line(String line, int number) {
    if (line.startsWith("# TYPE ")) {
      Matcher type = TYPE.matcher(line);
      require(type.matches(), number, "bad TYPE line: " + line);
      require(types.put(type.group(1), type.group(2)) == null, number, "TYPE given twice: " + type.group(1));
    } else if (line.startsWith("# HELP ")) {
      require(HELP.matcher(line).matches(), number, "bad HELP line: " + line);
    } else if (line.startsWith("#") || line.isEmpty()) {
      require(!line.isEmpty(), number, "empty line");
    } else {
      Matcher sample = SAMPLE.matcher(line);
      require(sample.matches(), number, "bad sample: " + line);
      String name = sample.group(1);
      require(family(name) != null, number, "sample before its TYPE: " + name);
      String key = name + labels(sample.group(3) == null ? "" : sample.group(3), number);
      require(samples.put(key, number(sample.group(4), number)) == null, number, "duplicate series: " + key);
    }
  }

  /** The declared family a sample belongs to (a histogram's _bucket, _sum and _count; a counter's _total). */
  String family(String name) {
    for (String suffix : new String[] {"", "_bucket", "_sum", "_count", "_total", "_created"}) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        if (types.containsKey(base) && (suffix.isEmpty() || !types.get(base).equals("gauge"))) {
          return base;
        }
      }
    }
    return null;
  }

  private static String labels(String text, int number) {
    TreeMap<String, String> labels = new TreeMap<>();
    Matcher label = LABEL.matcher(text);
    int end = 0;
    while (label.find() && label.start() == end) {
      require(labels.put(label.group(1), label.group(2)) == null, number, "label given twice: " + label.group(1));
      end = label.end();
    }
    require(end == text.length(), number, "bad labels: {" + text + "}");
    return labels.toString();
  }

  private static double number(String text, int number) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("line " + number + ": bad value " + text);
        }
      }
    };
  }

  /** Buckets never decrease with le, and the +Inf bucket is the count. */
  private void checkHistograms() {
    Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
    samples.forEach((key, value) -> {
      int brace = key.indexOf('{');
      String name = key.substring(0, brace);
      if (name.endsWith("_bucket") && "histogram".equals(types.get(name.substring(0, name.length() - 7)))) {
        Map<String, String> labels = labelMap(key.substring(brace));
        double le = number(labels.remove("le"), 0);
        String series = name.substring(0, name.length() - 7) + new TreeMap<>(labels);
        buckets.computeIfAbsent(series, s -> new TreeMap<>()).put(le, value);
      }
    });
    buckets.forEach((series, byLe) -> {
      double previous = 0;
      for (double count : byLe.values()) {
        require(count >= previous, 0, "buckets decrease in " + series);
        previous = count;
      }
      int brace = series.indexOf('{');
      Double count = samples.get(series.substring(0, brace) + "_count" + series.substring(brace));
      require(byLe.containsKey(Double.POSITIVE_INFINITY) && byLe.lastEntry().getValue().equals(count), 0,
          "+Inf bucket differs from _count in " + series);
    });
  }

  /** A sample's value, or null when the series is absent. Labels given as name, value, name, value... */
  Double value(String name, String... labels) {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    return samples.get(name + map);
  }

  private static Map<String, String> labelMap(String rendered) {
    Map<String, String> map = new TreeMap<>();
    String inner = rendered.substring(1, rendered.length() - 1);
    if (!inner.isEmpty()) {
      for (String pair : inner.split(", ")) {
        int eq = pair.indexOf('=');
        map.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return map;
  }

  private static void require(boolean condition, int line, String message) {
    if (!condition) {
      throw new IllegalArgumentException((line > 0 ? "line " + line + ": " : "") + message);
    }
  }
}
