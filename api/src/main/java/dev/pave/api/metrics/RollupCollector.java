package dev.pave.api.metrics;

import dev.pave.api.db.RequestDao;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pave's own series, read from PostgreSQL at scrape time: histograms and counters from the
 * trigger-maintained metrics_duration_buckets (a few rows per label set, however many steps
 * were recorded), gauges from the small set of unfinished requests and the workspaces. Every
 * server reports the same cluster-wide values, so aggregate them with max, not sum.
 */
final class RollupCollector implements MultiCollector {

  private static final Logger LOG = LoggerFactory.getLogger(RollupCollector.class);
  private static final long INFINITY_MS = Long.MAX_VALUE;

  private final Jdbi jdbi;
  private final EnvironmentLabel environments;

  RollupCollector(Jdbi jdbi, EnvironmentLabel environments) {
    this.jdbi = jdbi;
    this.environments = environments;
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    boolean up = true;
    try {
      jdbi.useHandle(handle -> {
        snapshots.addAll(durations(handle));
        snapshots.add(inProgress(handle));
        snapshots.add(liveWorkspaces(handle));
      });
    } catch (JdbiException e) {
      // The JVM's own series are still worth a scrape; this gauge says why Pave's are missing.
      LOG.warn("metrics rollup unreadable: {}", e.getMessage());
      snapshots.clear();
      up = false;
    }
    snapshots.add(GaugeSnapshot.builder().name("pave_metrics_database_up")
        .help("1 if Pave's metrics could be read from PostgreSQL at this scrape, else 0")
        .dataPoint(GaugeDataPointSnapshot.builder().value(up ? 1 : 0).build()).build());
    return new MetricSnapshots(snapshots);
  }

  private List<MetricSnapshot> durations(Handle handle) {
    List<Long> bounds = handle.createQuery("SELECT le_ms FROM metrics_bucket_bounds ORDER BY le_ms")
        .mapTo(Long.class).list();
    Map<Labels, long[]> requests = new LinkedHashMap<>();
    Map<Labels, long[]> steps = new LinkedHashMap<>();
    Map<Labels, Long> sums = new LinkedHashMap<>();
    handle.createQuery("SELECT kind, module, environment, team, outcome, le_ms, count, sum_ms"
            + " FROM metrics_duration_buckets ORDER BY kind, module, environment, team, outcome")
        .map((rs, ctx) -> {
          String kind = rs.getString("kind");
          Labels labels = Labels.of("module", rs.getString("module"),
              "environment", environments.of(rs.getString("environment")),
              "team", rs.getString("team"), "outcome", rs.getString("outcome"));
          if (!"request".equals(kind)) {
            labels = labels.add("step", kind);
          }
          long[] counts = ("request".equals(kind) ? requests : steps)
              .computeIfAbsent(labels, l -> new long[bounds.size()]);
          counts[bounds.indexOf(rs.getLong("le_ms"))] += rs.getLong("count");
          sums.merge(labels, rs.getLong("sum_ms"), Long::sum);
          return kind;
        }).list();
    return List.of(
        histogram("pave_request_duration_seconds", "Requests from accepted to terminal, by outcome"
            + " (the final status); outcome=\"succeeded\" is the lead time", bounds, requests, sums),
        histogram("pave_step_duration_seconds", "Recorded workflow steps (queue, init, plan, policy, approval,"
            + " apply) by step and outcome", bounds, steps, sums),
        requestCounter(requests));
  }

  private static HistogramSnapshot histogram(String name, String help, List<Long> bounds,
      Map<Labels, long[]> series, Map<Labels, Long> sums) {
    HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(name).help(help).unit(Unit.SECONDS);
    series.forEach((labels, counts) -> {
      ClassicHistogramBuckets.Builder buckets = ClassicHistogramBuckets.builder();
      for (int i = 0; i < counts.length; i++) {
        long le = bounds.get(i);
        buckets.bucket(le == INFINITY_MS ? Double.POSITIVE_INFINITY : le / 1000.0, counts[i]);
      }
      histogram.dataPoint(HistogramDataPointSnapshot.builder().labels(labels).classicHistogramBuckets(buckets.build())
          .sum(sums.get(labels) / 1000.0).build());
    });
    return histogram.build();
  }

  private static CounterSnapshot requestCounter(Map<Labels, long[]> requests) {
    CounterSnapshot.Builder counter = CounterSnapshot.builder().name("pave_requests")
        .help("Requests that reached a terminal status, by outcome");
    requests.forEach((labels, counts) -> counter.dataPoint(CounterDataPointSnapshot.builder().labels(labels)
        .value(Arrays.stream(counts).sum()).build()));
    return counter.build();
  }

  private GaugeSnapshot inProgress(Handle handle) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("pave_requests_in_progress")
        .help("Requests not yet terminal, by status (queued, planning, checking, awaiting_approval, applying)");
    Map<Labels, Long> counts = new LinkedHashMap<>();
    // The same predicate as the partial index requests_workspace_line, so only unfinished rows are read.
    handle.createQuery("SELECT status, module, environment, team, count(*) AS n FROM requests"
            + " WHERE " + RequestDao.UNFINISHED
            + " GROUP BY status, module, environment, team ORDER BY 1, 2, 3, 4")
        .map((rs, ctx) -> counts.merge(Labels.of("status", rs.getString("status"), "module", rs.getString("module"),
            "environment", environments.of(rs.getString("environment")), "team", rs.getString("team")),
            rs.getLong("n"), Long::sum))
        .list();
    counts.forEach((labels, n) -> gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(n).build()));
    return gauge.build();
  }

  private GaugeSnapshot liveWorkspaces(Handle handle) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("pave_workspaces_live")
        .help("Workspaces whose infrastructure exists now");
    Map<Labels, Long> counts = new LinkedHashMap<>();
    handle.createQuery("SELECT module, environment, team, count(*) AS n FROM workspaces WHERE status = 'live'"
            + " GROUP BY module, environment, team ORDER BY 1, 2, 3")
        .map((rs, ctx) -> counts.merge(Labels.of("module", rs.getString("module"),
            "environment", environments.of(rs.getString("environment")), "team", rs.getString("team")),
            rs.getLong("n"), Long::sum))
        .list();
    counts.forEach((labels, n) -> gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(n).build()));
    return gauge.build();
  }
}
