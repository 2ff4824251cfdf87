package dev.pave.api.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's, Jetty's, Jdbi's and Dropwizard's own metrics on /prometheus, named by Prometheus's
 * conventions ({@link BridgedName}): timers as summaries in seconds, meters as counters, gauges
 * in base units, one family per kind of thing with what varies as labels. It replaces
 * client_java's DropwizardExports, whose names are Dropwizard's with dots turned into underscores.
 */
final class DropwizardBridge implements MultiCollector {

  private static final double SECONDS_PER_NANO = 1.0 / TimeUnit.SECONDS.toNanos(1);

  private final MetricRegistry registry;

  DropwizardBridge(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public MetricSnapshots collect() {
    Map<String, Family> families = new TreeMap<>();
    for (Map.Entry<String, Metric> entry : registry.getMetrics().entrySet()) {
      BridgedName name = BridgedName.of(entry.getKey());
      if (name != null) {
        add(families, entry.getKey(), name, entry.getValue());
      }
    }
    List<MetricSnapshot> snapshots = new ArrayList<>();
    families.values().forEach(family -> snapshots.add(family.snapshot()));
    return new MetricSnapshots(snapshots);
  }

  private static void add(Map<String, Family> families, String source, BridgedName name, Metric metric) {
    Labels labels = Labels.of(name.labels().toArray(String[]::new));
    if (metric instanceof Gauge<?> gauge) {
      if (gauge.getValue() instanceof Number value) {
        family(families, name.family(), name.counter() ? Kind.COUNTER : Kind.GAUGE, source)
            .gauge(labels, value.doubleValue() * name.scale());
      }
    } else if (metric instanceof Counter counter) {
      // Dropwizard's counters go up and down (active requests): gauges.
      family(families, name.family(), Kind.GAUGE, source).gauge(labels, counter.getCount());
    } else if (metric instanceof Meter meter) {
      family(families, name.family(), Kind.COUNTER, source).gauge(labels, meter.getCount());
    } else if (metric instanceof Timer timer) {
      String family = name.family().endsWith("_seconds") ? name.family() : name.family() + "_seconds";
      family(families, family, Kind.SUMMARY, source).summary(labels, timer.getCount(), timer.getSnapshot(),
          SECONDS_PER_NANO);
    } else if (metric instanceof Histogram histogram) {
      family(families, name.family(), Kind.SUMMARY, source).summary(labels, histogram.getCount(),
          histogram.getSnapshot(), 1);
    }
  }

  private static Family family(Map<String, Family> families, String name, Kind kind, String source) {
    // Whatever a rule or the fallback made of a name, the page stays valid (a reserved suffix is removed).
    name = io.prometheus.metrics.model.snapshots.PrometheusNaming.sanitizeMetricName(name);
    Family family = families.computeIfAbsent(name, n -> new Family(n, kind, source));
    // Two Dropwizard metrics of different kinds under one name would make an invalid page: keep them apart.
    return family.kind == kind ? family : families.computeIfAbsent(name + "_" + kind.name().toLowerCase(),
        n -> new Family(n, kind, source));
  }

  private enum Kind { GAUGE, COUNTER, SUMMARY }

  /** One Prometheus family and its data points, as they are gathered. */
  private static final class Family {
    final String name;
    final Kind kind;
    final String help;
    final GaugeSnapshot.Builder gauges;
    final CounterSnapshot.Builder counters;
    final SummarySnapshot.Builder summaries;
    final java.util.Set<Labels> seen = new java.util.HashSet<>();

    Family(String name, Kind kind, String source) {
      this.name = name;
      this.kind = kind;
      this.help = "From Dropwizard's " + source.replaceAll("\\d+(\\.\\d+){3}", "<address>") + " and alike";
      gauges = GaugeSnapshot.builder().name(name).help(help);
      counters = CounterSnapshot.builder().name(name).help(help);
      summaries = SummarySnapshot.builder().name(name).help(help);
    }

    void gauge(Labels labels, double value) {
      if (!seen.add(labels)) {
        return; // two sources of one series (a rule too broad): the first one stands
      }
      if (kind == Kind.COUNTER) {
        counters.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build());
      } else {
        gauges.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
      }
    }

    void summary(Labels labels, long count, Snapshot snapshot, double scale) {
      if (!seen.add(labels)) {
        return;
      }
      Quantiles quantiles = Quantiles.builder()
          .quantile(0.5, snapshot.getMedian() * scale)
          .quantile(0.75, snapshot.get75thPercentile() * scale)
          .quantile(0.95, snapshot.get95thPercentile() * scale)
          .quantile(0.99, snapshot.get99thPercentile() * scale)
          .quantile(0.999, snapshot.get999thPercentile() * scale)
          .build();
      summaries.dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder().labels(labels).count(count)
          .quantiles(quantiles).build());
    }

    MetricSnapshot snapshot() {
      return switch (kind) {
        case GAUGE -> gauges.build();
        case COUNTER -> counters.build();
        case SUMMARY -> summaries.build();
      };
    }
  }
}
