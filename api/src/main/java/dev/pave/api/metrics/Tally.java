package dev.pave.api.metrics;

import dev.pave.workflows.contract.RequestStatus;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The numbers of one group of requests (the whole window, or one week of it), added up fact by fact. */
final class Tally {

  /** The terminal statuses in the enum's order (succeeded first), from the one Java source of what is terminal. */
  static final List<String> TERMINAL = java.util.Arrays.stream(RequestStatus.values()).filter(RequestStatus::terminal)
      .map(RequestStatus::wireName).toList();

  final Percentiles leadTimes = new Percentiles();
  /** Counts per terminal status, in the order of TERMINAL (an array: this runs 200,000 times a call). */
  private final long[] outcomeCounts = new long[TERMINAL.size()];
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

  /** A request that ended in the window. */
  void ended(Fact fact) {
    int outcome = TERMINAL.indexOf(fact.status());
    if (outcome >= 0) {
      outcomeCounts[outcome]++;
    }
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

  Map<String, Long> outcomes() {
    Map<String, Long> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < outcomeCounts.length; i++) {
      outcomes.put(TERMINAL.get(i), outcomeCounts[i]);
    }
    return outcomes;
  }

  Long meanOf(long total) {
    long count = leadTimes.count();
    return count == 0 ? null : Math.round(total / (double) count);
  }
}
