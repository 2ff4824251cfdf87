package dev.pave.api.metrics;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The numbers of one group of requests (the whole window, or one week of it), added up fact by fact. */
final class Tally {

  static final List<String> TERMINAL = List.of("succeeded", "failed", "denied", "rejected", "cancelled", "expired");

  final Percentiles leadTimes = new Percentiles();
  final Map<String, Long> outcomes = new LinkedHashMap<>();
  long queueMs;
  long initMs;
  long planMs;
  long policyMs;
  long applyMs;
  long humanMs;
  long selfService;
  long selfServiceBase;
  long applies;
  long failedApplies;
  long requested;
  long inProgress;
  final Set<String> teams = new HashSet<>();

  Tally() {
    TERMINAL.forEach(status -> outcomes.put(status, 0L));
  }

  /** A request that ended in the window. */
  void ended(Fact fact) {
    outcomes.merge(fact.status(), 1L, Long::sum);
    if (fact.succeeded()) {
      leadTimes.add(fact.leadTimeMs());
      queueMs += fact.queueMs();
      initMs += fact.initMs();
      planMs += fact.planMs();
      policyMs += fact.policyMs();
      applyMs += fact.applyMs();
      humanMs += fact.approvalMs();
      if (!fact.human()) {
        selfService++;
      }
    }
    if (!fact.selfCancelled()) {
      selfServiceBase++;
    }
    if (fact.applyRan()) {
      applies++;
      if (fact.applyFailed()) {
        failedApplies++;
      }
    }
  }

  /** A request accepted in the window. */
  void accepted(Fact fact) {
    requested++;
    teams.add(fact.team());
    if (!fact.terminal()) {
      inProgress++;
    }
  }

  Long meanOf(long total) {
    long count = leadTimes.count();
    return count == 0 ? null : Math.round(total / (double) count);
  }
}
