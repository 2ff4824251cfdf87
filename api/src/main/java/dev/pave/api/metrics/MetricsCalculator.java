package dev.pave.api.metrics;

import dev.pave.api.metrics.MetricsReport.Adoption;
import dev.pave.api.metrics.MetricsReport.LeadTime;
import dev.pave.api.metrics.MetricsReport.Rate;
import dev.pave.api.metrics.MetricsReport.Usage;
import dev.pave.api.metrics.MetricsReport.Week;
import dev.pave.api.metrics.MetricsReport.WeekLeadTime;
import dev.pave.api.metrics.MetricsReport.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns facts into the report, in one pass: a request counts for lead time, outcomes, the
 * self-service and change failure rates in the week it ended, and for adoption in the week it
 * was accepted.
 */
final class MetricsCalculator {

  private MetricsCalculator() {}

  static MetricsReport compute(Iterable<Fact> facts, MetricsQuery query, WorkspaceCounts workspaces,
      Map<String, MetricsReport.Satisfaction> satisfaction, Instant now) {
    Tally total = new Tally();
    Tally[] weeks = new Tally[Weeks.count(query.since(), query.until())];
    for (int i = 0; i < weeks.length; i++) {
      weeks[i] = new Tally();
    }
    Map<String, Long> requestsByModule = new HashMap<>();
    Map<String, Long> requestsByTeam = new HashMap<>();
    Map<String, Tally> byModule = new TreeMap<>();
    for (Fact fact : facts) {
      if (!query.matches(fact.team(), fact.module(), fact.environment())) {
        continue;
      }
      if (fact.terminal() && query.inWindow(fact.finishedAt())) {
        total.ended(fact);
        weeks[Weeks.index(query.since(), fact.finishedAt())].ended(fact);
        byModule.computeIfAbsent(fact.module(), m -> new Tally()).ended(fact);
      }
      if (query.inWindow(fact.createdAt())) {
        total.accepted(fact);
        weeks[Weeks.index(query.since(), fact.createdAt())].accepted(fact);
        requestsByModule.merge(fact.module(), 1L, Long::sum);
        requestsByTeam.merge(fact.team(), 1L, Long::sum);
      }
    }
    List<Week> weekly = new ArrayList<>(weeks.length);
    for (int i = 0; i < weeks.length; i++) {
      Instant start = Weeks.start(query.since(), i);
      long end = Math.min(start.toEpochMilli() + Weeks.WEEK_MS, query.until().toEpochMilli());
      weekly.add(week(start, weeks[i], workspaces.liveAt(end, now.toEpochMilli())));
    }
    Adoption adoption = new Adoption(total.requested, total.teams.size(), requestsByModule.size(), workspaces.live,
        usage(requestsByModule, workspaces.liveByModule, query.limit()),
        usage(requestsByTeam, workspaces.liveByTeam, query.limit()));
    Window window = new Window(query.since().toString(), query.until().toString(), query.team(), query.module(),
        query.environment());
    Map<String, LeadTime> leadTimeByModule = new LinkedHashMap<>();
    byModule.forEach((module, tally) -> {
      if (tally.leadTimes.count() > 0) {
        leadTimeByModule.put(module, leadTime(tally));
      }
    });
    return new MetricsReport(leadTime(total), Rate.of(total.selfService, total.selfServiceBase), total.outcomes(),
        adoption, Rate.of(total.failedApplies, total.applies), weekly, leadTimeByModule, satisfaction, total.inProgress,
        window,
        MetricDefinitions.ALL);
  }

  private static LeadTime leadTime(Tally t) {
    Percentiles lead = t.leadTimes;
    Long queue = t.meanOf(t.queueMs);
    Long machine = t.meanOf(t.initMs + t.planMs + t.policyMs + t.applyMs);
    Long human = t.meanOf(t.humanMs);
    Long mean = lead.mean();
    Long other = mean == null ? null : mean - queue - machine - human;
    Map<String, Long> byStep = new LinkedHashMap<>();
    byStep.put("init", t.meanOf(t.initMs));
    byStep.put("plan", t.meanOf(t.planMs));
    byStep.put("policy", t.meanOf(t.policyMs));
    byStep.put("apply", t.meanOf(t.applyMs));
    return new LeadTime(lead.count(), lead.at(0.5), lead.at(0.9), lead.at(0.99), mean, queue, machine, human, other,
        byStep);
  }

  private static Week week(Instant start, Tally t, long liveWorkspaces) {
    Percentiles lead = t.leadTimes;
    return new Week(start.toString(), new WeekLeadTime(lead.count(), lead.at(0.5), lead.at(0.9), lead.at(0.99),
        lead.mean()), Rate.of(t.selfService, t.selfServiceBase), Rate.of(t.failedApplies, t.applies), t.outcomes(),
        t.requested, t.teams.size(), liveWorkspaces);
  }

  /** Modules (or teams) with requests in the window or live workspaces now, most requested first. */
  private static List<Usage> usage(Map<String, Long> requests, Map<String, Long> live, int limit) {
    TreeSet<String> names = new TreeSet<>(requests.keySet());
    names.addAll(live.keySet());
    return names.stream()
        .map(name -> new Usage(name, requests.getOrDefault(name, 0L), live.getOrDefault(name, 0L)))
        .sorted(Comparator.comparingLong(Usage::requests).reversed()
            .thenComparing(Comparator.comparingLong(Usage::liveWorkspaces).reversed())
            .thenComparing(Usage::name))
        .limit(limit)
        .toList();
  }
}
