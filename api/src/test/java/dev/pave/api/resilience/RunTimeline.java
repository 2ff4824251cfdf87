package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the recorded step times say about ordering: when each request held its workspace (from
 * the end of its queue step to its finish) and when each Terraform command ran.
 */
final class RunTimeline {

  private static final Set<String> TERRAFORM_STEPS = Set.of("init", "plan", "apply");

  record Interval(Instant from, Instant to) {
    boolean overlaps(Interval other) {
      return from.isBefore(other.to) && other.from.isBefore(to);
    }
  }

  /** One finished request: its workspace hold and its Terraform steps. */
  record Run(String id, String workspace, Instant createdAt, Interval held, List<Interval> terraform,
      List<Interval> applies) {

    static Run of(JsonNode request) {
      JsonNode steps = request.get("steps");
      assertThat(steps.get(0).get("name").asText()).as(request.toString()).isEqualTo("queue");
      Instant started = Instant.parse(steps.get(0).get("finishedAt").asText());
      Instant finished = Instant.parse(request.get("finishedAt").asText());
      List<Interval> terraform = new ArrayList<>();
      List<Interval> applies = new ArrayList<>();
      for (JsonNode step : steps) {
        if (TERRAFORM_STEPS.contains(step.get("name").asText()) && !step.get("finishedAt").isNull()) {
          Interval interval = new Interval(Instant.parse(step.get("startedAt").asText()),
              Instant.parse(step.get("finishedAt").asText()));
          terraform.add(interval);
          if (step.get("name").asText().equals("apply")) {
            applies.add(interval);
          }
        }
      }
      return new Run(request.get("id").asText(), request.get("workspace").asText(),
          Instant.parse(request.get("createdAt").asText()), new Interval(started, finished), terraform, applies);
    }
  }

  private RunTimeline() {}

  /** The runs in the given order of ids (Pave's accepted order, read from its database). */
  static List<Run> inOrder(List<Run> runs, List<String> ids) {
    return runs.stream().sorted(Comparator.comparing(run -> ids.indexOf(run.id()))).toList();
  }

  /**
   * One workspace's requests held it one at a time, each after the one accepted before it.
   *
   * @param acceptedOrder the workspace's request ids as Pave ordered its line
   */
  static void assertOneAtATimeInAcceptedOrder(List<Run> runsOfOneWorkspace, List<String> acceptedOrder) {
    assertThat(acceptedOrder).containsExactlyInAnyOrderElementsOf(runsOfOneWorkspace.stream().map(Run::id).toList());
    List<Run> ordered = inOrder(runsOfOneWorkspace, acceptedOrder);
    for (int i = 1; i < ordered.size(); i++) {
      Run before = ordered.get(i - 1);
      Run after = ordered.get(i);
      assertThat(after.held().from())
          .as("%s (accepted %s) started after %s (accepted %s) finished", after.id(), after.createdAt(), before.id(),
              before.createdAt())
          .isAfterOrEqualTo(before.held().to());
    }
  }

  /** The largest number of Terraform commands that ran at one moment. */
  static int maxConcurrentTerraform(List<Run> runs) {
    return maxConcurrent(runs.stream().flatMap(run -> run.terraform().stream()).toList());
  }

  /** The largest number of applies that ran at one moment. */
  static int maxConcurrentApplies(List<Run> runs) {
    return maxConcurrent(runs.stream().flatMap(run -> run.applies().stream()).toList());
  }

  private static int maxConcurrent(List<Interval> intervals) {
    List<Instant[]> events = new ArrayList<>();
    intervals.forEach(i -> {
      events.add(new Instant[] {i.from(), Instant.EPOCH.plusSeconds(1)}); // +1
      events.add(new Instant[] {i.to(), Instant.EPOCH});                   // -1
    });
    // Ends before starts at the same instant: touching intervals do not overlap.
    events.sort(Comparator.<Instant[], Instant>comparing(e -> e[0]).thenComparing(e -> e[1]));
    int now = 0;
    int max = 0;
    for (Instant[] event : events) {
      now += event[1].equals(Instant.EPOCH) ? -1 : 1;
      max = Math.max(max, now);
    }
    return max;
  }

  /** Whether any two requests of different workspaces held their workspaces at the same time. */
  static boolean workspacesOverlapped(List<Run> runs) {
    for (int i = 0; i < runs.size(); i++) {
      for (int j = i + 1; j < runs.size(); j++) {
        Run a = runs.get(i);
        Run b = runs.get(j);
        if (!a.workspace().equals(b.workspace()) && a.held().overlaps(b.held())) {
          return true;
        }
      }
    }
    return false;
  }
}
