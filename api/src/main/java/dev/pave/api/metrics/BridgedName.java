package dev.pave.api.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dropwizard metric's name as Prometheus wants it (snake_case, base units, the varying part a
 * label, ports and addresses never inside a name): `jvm.gc.G1-Young-Generation.time` in
 * milliseconds becomes `jvm_gc_collection_seconds_total{gc="G1-Young-Generation"}`. The rules
 * below cover what Dropwizard, Jetty, Jdbi and the JVM register; any other name still comes out
 * snake_case without numbers ({@link #fallback}).
 *
 * @param family the family name, without `_total` (counters) or the summary's suffixes
 * @param labels label names and values, alternating
 * @param counter true where Dropwizard's gauge is cumulative (a count since start): a counter
 * @param scale what to multiply the value by to get base units
 */
record BridgedName(String family, List<String> labels, boolean counter, double scale) {

  private record Rule(Pattern pattern, Function<Matcher, BridgedName> name) {}

  private static final List<Rule> RULES = new ArrayList<>();

  static {
    rule("jvm\\.gc\\.(.+)\\.count", m -> counter("jvm_gc_collections", 1, "gc", m.group(1)));
    rule("jvm\\.gc\\.(.+)\\.time", m -> counter("jvm_gc_collection_seconds", 0.001, "gc", m.group(1)));
    rule("jvm\\.memory\\.pools\\.(.+)\\.usage", m -> gauge("jvm_memory_pool_usage_ratio", "pool", m.group(1)));
    rule("jvm\\.memory\\.pools\\.(.+)\\.([a-z-]+)",
        m -> gauge("jvm_memory_pool_" + snake(m.group(2)) + "_bytes", "pool", m.group(1)));
    rule("jvm\\.memory\\.([a-z-]+)\\.usage", m -> gauge("jvm_memory_usage_ratio", "area", m.group(1)));
    rule("jvm\\.memory\\.([a-z-]+)\\.([a-z-]+)",
        m -> gauge("jvm_memory_" + snake(m.group(2)) + "_bytes", "area", m.group(1)));
    rule("jvm\\.buffers\\.(.+)\\.count", m -> gauge("jvm_buffer_pool_buffers", "pool", m.group(1)));
    rule("jvm\\.buffers\\.(.+)\\.(capacity|used)",
        m -> gauge("jvm_buffer_pool_" + m.group(2) + "_bytes", "pool", m.group(1)));
    rule("jvm\\.classloader\\.(loaded|unloaded)", m -> counter("jvm_classes_" + m.group(1), 1));
    rule("jvm\\.filedescriptor", m -> gauge("jvm_file_descriptors_open_ratio"));
    // Registered by `pave server` (Dropwizard's Bootstrap), in milliseconds; its name and vendor are text, left out.
    rule("jvm\\.attribute\\.uptime", m -> new BridgedName("jvm_uptime_seconds", List.of(), false, 0.001));
    rule("jvm\\.threads\\.count", m -> gauge("jvm_threads_current"));
    rule("jvm\\.threads\\.(daemon|peak)\\.count", m -> gauge("jvm_threads_" + m.group(1)));
    rule("jvm\\.threads\\.deadlock\\.count", m -> gauge("jvm_threads_deadlocked"));
    rule("jvm\\.threads\\.total_started\\.count", m -> counter("jvm_threads_started", 1));
    rule("jvm\\.threads\\.([a-z_]+)\\.count", m -> gauge("jvm_threads_state", "state", m.group(1)));
    // Jetty's connectors: the address and port are the connector's name, a label, not a metric of their own.
    rule("org\\.eclipse\\.jetty\\.server\\.HttpConnectionFactory\\.(?:(.+)\\.)?(\\d+)\\.connections",
        m -> gauge("jetty_connection_duration_seconds", "connector",
            (m.group(1) == null ? "*" : m.group(1)) + ":" + m.group(2)));
    rule("org\\.eclipse\\.jetty\\.util\\.thread\\.QueuedThreadPool\\.(.+)\\.([a-z-]+)",
        m -> gauge("jetty_thread_pool_" + snake(m.group(2)), "pool", m.group(1)));
    rule("io\\.dropwizard\\.jetty\\.MutableServletContextHandler\\.(\\dxx)-responses",
        m -> counter("jetty_responses", 1, "status", m.group(1)));
    rule("io\\.dropwizard\\.jetty\\.MutableServletContextHandler\\.percent-(\\dxx)-(\\d+m)",
        m -> gauge("jetty_responses_ratio", "status", m.group(1), "window", m.group(2)));
    rule("io\\.dropwizard\\.jetty\\.MutableServletContextHandler\\.(get|post|put|delete|head|options|connect|move|trace|other)-requests",
        m -> gauge("jetty_request_duration_seconds", "method", m.group(1).toUpperCase(Locale.ROOT)));
    rule("io\\.dropwizard\\.jetty\\.MutableServletContextHandler\\.requests",
        m -> gauge("jetty_any_request_duration_seconds"));
    rule("io\\.dropwizard\\.jetty\\.MutableServletContextHandler\\.dispatches",
        m -> gauge("jetty_dispatch_duration_seconds"));
    rule("io\\.dropwizard\\.jetty\\.MutableServletContextHandler\\.([a-z-]+)", m -> gauge("jetty_" + snake(m.group(1))));
    rule("io\\.dropwizard\\.db\\.ManagedPooledDataSource\\.(.+)\\.(active|idle|size|waiting)",
        m -> gauge("db_pool_" + m.group(2) + "_connections", "pool", m.group(1)));
    rule("io\\.dropwizard\\.db\\.ManagedPooledDataSource\\.(.+)\\.([A-Za-z]+)",
        m -> counter("db_pool_" + snake(m.group(2)) + "_connections", 1, "pool", m.group(1)));
    // "all" would count every event a second time beside its level.
    rule("ch\\.qos\\.logback\\.core\\.Appender\\.all", m -> null);
    rule("ch\\.qos\\.logback\\.core\\.Appender\\.([a-z]+)", m -> counter("logback_events", 1, "level", m.group(1)));
    rule("sql\\.raw", m -> gauge("jdbi_statement_duration_seconds", "statement", "raw"));
    rule("dev\\.pave\\.[a-z.]+\\.([A-Z][A-Za-z]+Dao)\\.([A-Za-z]+)",
        m -> gauge("jdbi_statement_duration_seconds", "statement", m.group(1) + "." + m.group(2)));
    // Dropwizard's lifecycle executors: "<name><name>.created" (the name twice), or "<name>.created".
    rule("(.+)\\.created", m -> counter("executor_threads_started", 1, "executor", once(m.group(1))));
    rule("(.+)\\.terminated", m -> counter("executor_threads_terminated", 1, "executor", once(m.group(1))));
    rule("(.+)\\.running", m -> gauge("executor_threads_running", "executor", once(m.group(1))));
  }

  private static void rule(String regex, Function<Matcher, BridgedName> name) {
    RULES.add(new Rule(Pattern.compile(regex), name));
  }

  private static BridgedName gauge(String family, String... labels) {
    return new BridgedName(family, List.of(labels), false, 1);
  }

  private static BridgedName counter(String family, double scale, String... labels) {
    return new BridgedName(family, List.of(labels), true, scale);
  }

  /** The Prometheus name of a Dropwizard metric, or null to leave it out. */
  static BridgedName of(String dropwizardName) {
    for (Rule rule : RULES) {
      Matcher m = rule.pattern.matcher(dropwizardName);
      if (m.matches()) {
        return rule.name.apply(m);
      }
    }
    return fallback(dropwizardName);
  }

  /** Unknown names: snake_case, numbers (ports, addresses, ids) dropped, no suffix that means something else. */
  static BridgedName fallback(String dropwizardName) {
    String snake = snake(dropwizardName).replaceAll("(^|_)\\d+(?=_|$)", "").replaceAll("_+", "_")
        .replaceAll("^_|_$", "").replaceAll("(_count|_total|_sum|_bucket|_created|_info)$", "");
    return gauge(snake.isEmpty() || Character.isDigit(snake.charAt(0)) ? "dropwizard_" + snake : snake);
  }

  static String snake(String text) {
    return text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }

  private static String once(String name) {
    int half = name.length() / 2;
    return name.length() % 2 == 0 && name.substring(0, half).equals(name.substring(half)) ? name.substring(0, half) : name;
  }
}
