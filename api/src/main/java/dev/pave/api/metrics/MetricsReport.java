package dev.pave.api.metrics;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The body of GET /v1/metrics. Durations are milliseconds; null where there was nothing to measure. */
@JsonPropertyOrder({"leadTime", "selfServiceRate", "outcomes", "adoption", "changeFailureRate", "weekly",
    "leadTimeByModule", "satisfactionByModule", "inProgress", "window", "definitions"})
public record MetricsReport(LeadTime leadTime, Rate selfServiceRate, Map<String, Long> outcomes, Adoption adoption,
    Rate changeFailureRate, List<Week> weekly, Map<String, LeadTime> leadTimeByModule,
    Map<String, Satisfaction> satisfactionByModule, long inProgress, Window window, Map<String, String> definitions) {

  /** Feedback per module: mean score (1-5, null without responses), responses, and responses / ended requests. */
  @JsonPropertyOrder({"meanScore", "responses", "responseRate"})
  public record Satisfaction(@Schema(nullable = true) Double meanScore, long responses, Rate responseRate) {}

  /** Lead time of succeeded requests; queue, machine, human and other are means per request and add up to meanMs. */
  @JsonPropertyOrder({"count", "p50Ms", "p90Ms", "p99Ms", "meanMs", "queueMs", "machineMs", "humanMs", "otherMs",
      "machineByStepMs"})
  public record LeadTime(long count, @Schema(nullable = true) Long p50Ms, @Schema(nullable = true) Long p90Ms, @Schema(nullable = true) Long p99Ms, @Schema(nullable = true) Long meanMs,
      @Schema(nullable = true) Long queueMs, @Schema(nullable = true) Long machineMs, @Schema(nullable = true) Long humanMs, @Schema(nullable = true) Long otherMs,
      @Schema(description = "mean milliseconds per machine step (init, plan, policy, apply); null for a step"
          + " nothing was measured for", additionalPropertiesSchema = NullableMillis.class)
      Map<String, Long> machineByStepMs) {}

  /** A map value that may be null (a step without measurements): what machineByStepMs holds. */
  @Schema(type = "integer", format = "int64", nullable = true)
  static final class NullableMillis {
    private NullableMillis() {}
  }

  @JsonPropertyOrder({"value", "numerator", "denominator"})
  public record Rate(@Schema(nullable = true) Double value, long numerator, long denominator) {

    static Rate of(long numerator, long denominator) {
      return new Rate(denominator == 0 ? null : numerator / (double) denominator, numerator, denominator);
    }
  }

  @JsonPropertyOrder({"requests", "teams", "modules", "liveWorkspaces", "byModule", "byTeam"})
  public record Adoption(long requests, long teams, long modules, long liveWorkspaces, List<Usage> byModule,
      List<Usage> byTeam) {}

  @JsonPropertyOrder({"name", "requests", "liveWorkspaces"})
  public record Usage(String name, long requests, long liveWorkspaces) {}

  @JsonPropertyOrder({"weekStart", "leadTime", "selfServiceRate", "changeFailureRate", "outcomes", "requests",
      "teams", "liveWorkspaces"})
  public record Week(String weekStart, WeekLeadTime leadTime, Rate selfServiceRate, Rate changeFailureRate,
      Map<String, Long> outcomes, long requests, long teams, long liveWorkspaces) {}

  @JsonPropertyOrder({"count", "p50Ms", "p90Ms", "p99Ms", "meanMs"})
  public record WeekLeadTime(long count, @Schema(nullable = true) Long p50Ms, @Schema(nullable = true) Long p90Ms, @Schema(nullable = true) Long p99Ms,
      @Schema(nullable = true) Long meanMs) {}

  @JsonPropertyOrder({"since", "until", "team", "module", "environment"})
  @Schema(name = "MetricsWindow")
  public record Window(String since, String until, @Schema(nullable = true) String team, @Schema(nullable = true) String module,
      @Schema(nullable = true) String environment) {}
}
