package dev.pave.api.metrics;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.errors.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What a caller asked for, checked: the window [since, until), the filters, and the team the
 * caller may see. A requester or approver sees only its own team: asking for another team gives
 * that team's numbers as seen from its own, which are zeros, as GET /v1/requests?team= gives an
 * empty list; names of other teams never leak.
 */
record MetricsQuery(Instant since, Instant until, String team, String module, String environment,
    String visibleTeam, int limit) {

  static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
  /** Bounds the work (and the weekly series) of one call. */
  static final Duration MAX_WINDOW = Duration.ofDays(731);
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  /** What {@link #instant} accepts, for the OpenAPI document: an ISO-8601 instant or a date. */
  static final String PATTERN = "^\\d{4}-\\d{2}-\\d{2}(T\\S+)?$";

  static MetricsQuery parse(PavePrincipal caller, Instant now, String since, String until, String team,
      String module, String environment, String limit) {
    Instant end = until == null ? now : instant("until", until);
    Instant start = since == null ? end.minus(DEFAULT_WINDOW) : instant("since", since);
    if (!start.isBefore(end)) {
      throw ApiException.invalid("since", "must be before until (" + end + ")");
    }
    if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
      throw ApiException.invalid("since", "must be at most " + MAX_WINDOW.toDays() + " days before until");
    }
    return new MetricsQuery(start, end, blankToNull(team), blankToNull(module), blankToNull(environment),
        caller.seesAllTeams() ? null : caller.team(), limit(limit));
  }

  boolean matches(String factTeam, String factModule, String factEnvironment) {
    return (visibleTeam == null || visibleTeam.equals(factTeam))
        && (team == null || team.equals(factTeam))
        && (module == null || module.equals(factModule))
        && (environment == null || environment.equals(factEnvironment));
  }

  boolean inWindow(long epochMillis) {
    return epochMillis >= since.toEpochMilli() && epochMillis < until.toEpochMilli();
  }

  /** An ISO-8601 instant (2026-11-02T09:00:00Z, or with an offset) or a date (midnight UTC). */
  private static Instant instant(String field, String value) {
    try {
      return dev.pave.api.core.InstantRange.check(field,
          value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "must be an ISO-8601 instant, e.g. 2026-11-02T00:00:00Z, or a date");
    }
  }

  private static int limit(String value) {
    return dev.pave.api.core.Limits.parse(value, DEFAULT_LIMIT, MAX_LIMIT);
  }


  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
