package dev.pave.api.metrics;

import dev.pave.api.metrics.MetricsReport.Satisfaction;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * "How was this?" per golden path: the requests that ended in the window (same filters as the rest
 * of the report), how many of them their requester scored, and the mean score. Read straight from
 * the feedback table (V15), which is small: one row per answered request.
 */
final class SatisfactionByModule {

  private SatisfactionByModule() {}

  static Map<String, Satisfaction> read(Jdbi jdbi, MetricsQuery query) {
    Map<String, Object> binds = new HashMap<>();
    binds.put("since", query.since());
    binds.put("until", query.until());
    binds.put("visibleTeam", query.visibleTeam());
    binds.put("team", query.team());
    binds.put("module", query.module());
    binds.put("environment", query.environment());
    Map<String, Satisfaction> byModule = new TreeMap<>();
    jdbi.useHandle(handle -> handle.createQuery("SELECT r.module, count(*) AS ended, count(f.request_id) AS responses,"
            + " avg(f.score) AS mean FROM requests r LEFT JOIN feedback f ON f.request_id = r.id"
            // A speculative plan (the "plan" action) is not a delivery: it is not asked about.
            + " WHERE pave_terminal(r.status) AND r.action <> 'plan'"
            + " AND r.finished_at >= :since AND r.finished_at < :until"
            + " AND (CAST(:visibleTeam AS text) IS NULL OR r.team = :visibleTeam)"
            + " AND (CAST(:team AS text) IS NULL OR r.team = :team)"
            + " AND (CAST(:module AS text) IS NULL OR r.module = :module)"
            + " AND (CAST(:environment AS text) IS NULL OR r.environment = :environment)"
            + " GROUP BY r.module")
        .bindMap(binds)
        .map((rs, ctx) -> {
          long responses = rs.getLong("responses");
          double mean = rs.getDouble("mean");
          return byModule.put(rs.getString("module"), new Satisfaction(
              responses == 0 ? null : Math.round(mean * 100) / 100.0, responses,
              MetricsReport.Rate.of(responses, rs.getLong("ended"))));
        }).list());
    return byModule;
  }
}
