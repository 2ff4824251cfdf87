package dev.pave.api.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Live workspaces, now and at past moments, from the workspaces table (one row per workspace,
 * so small next to the requests). A workspace counts as live from its creation until it was
 * destroyed (its last update); one destroyed and created again counts from its first creation.
 */
final class WorkspaceCounts {

  private static final String FILTERS = " AND (CAST(:visibleTeam AS text) IS NULL OR team = :visibleTeam)"
      + " AND (CAST(:team AS text) IS NULL OR team = :team)"
      + " AND (CAST(:module AS text) IS NULL OR module = :module)"
      + " AND (CAST(:environment AS text) IS NULL OR environment = :environment)";

  final Map<String, Long> liveByModule = new HashMap<>();
  final Map<String, Long> liveByTeam = new HashMap<>();
  long live;
  /** Day number (epoch day) to the change in live workspaces on that day. */
  private final TreeMap<Long, Long> changesByDay = new TreeMap<>();

  static WorkspaceCounts read(Jdbi jdbi, MetricsQuery query) {
    WorkspaceCounts counts = new WorkspaceCounts();
    jdbi.useHandle(handle -> {
      handle.createQuery("SELECT module, team, count(*) AS n FROM workspaces WHERE status = 'live'" + FILTERS
              + " GROUP BY module, team")
          .bindMap(binds(query))
          .map((rs, ctx) -> {
            long n = rs.getLong("n");
            counts.live += n;
            counts.liveByModule.merge(rs.getString("module"), n, Long::sum);
            counts.liveByTeam.merge(rs.getString("team"), n, Long::sum);
            return n;
          }).list();
      handle.createQuery("SELECT day, sum(delta) AS delta FROM ("
              + " SELECT floor(extract(epoch FROM created_at) / 86400)::bigint AS day, 1 AS delta FROM workspaces"
              + "  WHERE true" + FILTERS
              + " UNION ALL SELECT floor(extract(epoch FROM updated_at) / 86400)::bigint, -1 FROM workspaces"
              + "  WHERE status = 'destroyed'" + FILTERS + ") changes GROUP BY day")
          .bindMap(binds(query))
          .map((rs, ctx) -> counts.changesByDay.put(rs.getLong("day"), rs.getLong("delta"))).list();
    });
    return counts;
  }

  /** Live workspaces at a midnight (UTC), or now for a moment still to come. */
  long liveAt(long epochMillis, long nowMillis) {
    if (epochMillis >= nowMillis) {
      return live;
    }
    long day = Math.floorDiv(epochMillis, Weeks.DAY_MS);
    return changesByDay.headMap(day, false).values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Object> binds(MetricsQuery query) {
    Map<String, Object> binds = new HashMap<>();
    binds.put("visibleTeam", query.visibleTeam());
    binds.put("team", query.team());
    binds.put("module", query.module());
    binds.put("environment", query.environment());
    return binds;
  }
}
