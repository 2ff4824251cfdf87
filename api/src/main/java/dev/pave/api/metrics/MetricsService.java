package dev.pave.api.metrics;

import dev.pave.api.auth.PavePrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers metrics questions from the replica of metrics_requests and the workspaces table. */
public final class MetricsService {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);

  private final Jdbi jdbi;
  private final FactReplica facts;
  private final Clock clock;

  public MetricsService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.facts = new FactReplica(jdbi);
    this.clock = clock;
  }

  public MetricsReport report(PavePrincipal caller, String since, String until, String team, String module,
      String environment, String limit) {
    Instant now = clock.instant();
    return report(MetricsQuery.parse(caller, now, since, until, team, module, environment, limit), now);
  }

  MetricsReport report(MetricsQuery query, Instant now) {
    return MetricsCalculator.compute(facts.current(), query, WorkspaceCounts.read(jdbi, query),
        SatisfactionByModule.read(jdbi, query), now);
  }

  /** Reads every fact once; a failure here only means the first call reads them instead. */
  void warmUp() {
    try {
      facts.current();
    } catch (JdbiException e) {
      LOG.warn("metrics replica not loaded at start ({}); the first metrics call will load it", e.getMessage());
    }
  }

  /** The slowest succeeded and the newest failing requests that ended in the period before now. */
  public RecentRequests recent(PavePrincipal caller, Duration period, int limit) {
    Instant now = clock.instant();
    MetricsQuery query = MetricsQuery.parse(caller, now, now.minus(period).toString(), now.toString(), null, null,
        null, null);
    List<Fact> ended = facts.current().stream()
        .filter(f -> f.terminal() && query.inWindow(f.finishedAt())
            && query.matches(f.team(), f.module(), f.environment()))
        .toList();
    List<Fact> slowest = ended.stream().filter(Fact::succeeded)
        .sorted(Comparator.comparingLong(Fact::leadTimeMs).reversed()).limit(limit).toList();
    List<Fact> failing = ended.stream().filter(f -> RecentRequests.FAILING.contains(f.status()))
        .sorted(Comparator.comparingLong(Fact::finishedAt).reversed()).limit(limit).toList();
    Map<String, String> errors = errors(failing);
    return new RecentRequests(slowest.stream().map(f -> summary(f, null)).toList(),
        failing.stream().map(f -> summary(f, errors.get(f.requestId()))).toList());
  }

  private Map<String, String> errors(List<Fact> failing) {
    if (failing.isEmpty()) {
      return Map.of();
    }
    Map<String, String> errors = new HashMap<>();
    jdbi.useHandle(handle -> handle.createQuery("SELECT id, error FROM requests WHERE id = ANY(:ids)")
        .bindArray("ids", String.class, failing.stream().map(Fact::requestId).toList())
        .map((rs, ctx) -> errors.put(rs.getString("id"), rs.getString("error"))).list());
    return errors;
  }

  private static RequestSummary summary(Fact fact, String error) {
    return new RequestSummary(fact.requestId(), fact.module(), fact.team(), fact.environment(), fact.status(),
        Instant.ofEpochMilli(fact.finishedAt()).toString(), fact.succeeded() ? fact.leadTimeMs() : null, error);
  }
}
