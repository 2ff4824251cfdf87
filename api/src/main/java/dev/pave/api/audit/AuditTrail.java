package dev.pave.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.core.TimeWindows;
import dev.pave.api.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reading the trail: filtered pages for auditors, and the whole chain's verification. */
public final class AuditTrail {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
  /** Verification reads the chain in pages of this many events, never all of it at once. */
  private static final int VERIFY_PAGE = 10_000;

  private final Jdbi jdbi;
  private final CheckpointKey key;
  private final CheckpointAnchors anchors;
  private final Clock clock;

  public AuditTrail(Jdbi jdbi, CheckpointKey key, CheckpointAnchors anchors, Clock clock) {
    this.jdbi = jdbi;
    this.key = key;
    this.anchors = anchors;
    this.clock = clock;
  }

  /** A page of events, oldest first, and the cursor of the next page (null on the last). */
  @io.swagger.v3.oas.annotations.media.Schema(name = "AuditPage")
  public record Page(
      @io.swagger.v3.oas.annotations.media.ArraySchema(
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ServedEvent.class))
      List<JsonNode> events,
      @io.swagger.v3.oas.annotations.media.Schema(nullable = true, description = "null on the last page")
      String nextCursor) {}

  /** Filters as given in the query string; each is checked here, a bad one is a 422 naming it. */
  public record Filter(String since, String until, String actor, String team, String action, String target,
      String limit, String cursor) {}

  public Page list(Filter filter) {
    Instant since = filter.since() == null ? null : TimeWindows.since("since", filter.since(), clock);
    Instant until = filter.until() == null ? null : TimeWindows.since("until", filter.until(), clock);
    int limit = limit(filter.limit());
    long after = filter.cursor() == null ? 0 : cursor(filter.cursor());
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_events WHERE seq > :after");
    if (since != null) {
      sql.append(" AND at >= :since");
    }
    if (until != null) {
      sql.append(" AND at < :until");
    }
    if (filter.actor() != null) {
      sql.append(" AND (actor_subject = :actor OR actor_name = :actor)");
    }
    if (filter.team() != null) {
      sql.append(" AND actor_team = :team");
    }
    if (filter.action() != null) {
      sql.append(" AND action = :action");
    }
    if (filter.target() != null) {
      sql.append(" AND target = :target");
    }
    sql.append(" ORDER BY seq LIMIT :limit");
    List<AuditRecord> rows = jdbi.withHandle(handle -> {
      Query query = handle.createQuery(sql.toString()).bind("after", after).bind("limit", limit + 1);
      if (since != null) {
        query.bind("since", since);
      }
      if (until != null) {
        query.bind("until", until);
      }
      bindIfSet(query, "actor", filter.actor());
      bindIfSet(query, "team", filter.team());
      bindIfSet(query, "action", filter.action());
      bindIfSet(query, "target", filter.target());
      return query.map((rs, ctx) -> record(rs)).list();
    });
    boolean more = rows.size() > limit;
    List<AuditRecord> page = more ? rows.subList(0, limit) : rows;
    String next = more ? encodeCursor(page.get(page.size() - 1).seq()) : null;
    return new Page(page.stream().map(r -> (JsonNode) r.json()).toList(), next);
  }

  /**
   * Recomputes the whole chain from PostgreSQL against the signed checkpoints and against every
   * checkpoint anchored outside the database (all of them, not only the newest: a tail cut and
   * written again would agree with the anchors signed after the cut).
   */
  public Verification verify() {
    List<Checkpoint> checkpoints = jdbi.withHandle(AuditTrail::checkpoints);
    ChainVerifier verifier = new ChainVerifier(key.trustedKeys(), checkpoints, anchors.trusted(key.trustedKeys()));
    long after = 0;
    while (true) {
      long from = after;
      List<AuditRecord> page = jdbi.withHandle(handle -> handle
          .createQuery("SELECT * FROM audit_events WHERE seq > :after ORDER BY seq LIMIT :limit")
          .bind("after", from).bind("limit", VERIFY_PAGE).map((rs, ctx) -> record(rs)).list());
      // Read to the end even past a break: the head and the anchored seqs are still to be met.
      page.forEach(verifier::accept);
      if (page.size() < VERIFY_PAGE) {
        return verifier.result();
      }
      after = page.get(page.size() - 1).seq();
    }
  }

  /**
   * Every event since {@code since} (an ISO instant or "30d"), then the checkpoints from the
   * first exported event on, as JSON Lines: {"event": {...}} and {"checkpoint": {...}}. Streamed
   * in one read-only transaction, so a long trail is never held in memory.
   */
  public void export(String since, Consumer<JsonNode> sink) {
    Instant from = TimeWindows.since("since", since, clock);
    jdbi.useTransaction(handle -> {
      long[] first = {-1};
      handle.createQuery("SELECT * FROM audit_events WHERE at >= :since ORDER BY seq").bind("since", from)
          .setFetchSize(1000).map((rs, ctx) -> record(rs)).forEach(r -> {
            if (first[0] < 0) {
              first[0] = r.seq();
            }
            sink.accept(wrap("event", r.json()));
          });
      if (first[0] < 0) {
        return;
      }
      checkpoints(handle).stream().filter(c -> c.seq() >= first[0]).forEach(c -> sink.accept(wrap("checkpoint", c.json())));
    });
  }

  private static JsonNode wrap(String kind, JsonNode value) {
    return CanonicalJson.mapper().createObjectNode().set(kind, value);
  }

  public static List<Checkpoint> checkpoints(Handle handle) {
    return handle.createQuery("SELECT * FROM audit_checkpoints ORDER BY seq").map((rs, ctx) -> checkpoint(rs)).list();
  }

  /** Checkpoints at or below {@code seq}, newest first, read as they are consumed (inside a transaction). */
  public static Stream<Checkpoint> checkpointsDownFrom(Handle handle, long seq) {
    return handle.createQuery("SELECT * FROM audit_checkpoints WHERE seq <= :seq ORDER BY seq DESC").bind("seq", seq)
        .setFetchSize(50).map((rs, ctx) -> checkpoint(rs)).stream();
  }

  private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
    return new Checkpoint(rs.getLong("seq"), rs.getString("head_hash"), rs.getTimestamp("signed_at").toInstant(),
        rs.getString("public_key"), rs.getString("signature"));
  }

  private static AuditRecord record(ResultSet rs) throws SQLException {
    try {
      return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor_subject"),
          rs.getString("actor_name"), rs.getString("actor_team"), rs.getString("actor_role"), rs.getString("action"),
          rs.getString("target"), CanonicalJson.mapper().readTree(rs.getString("details")), rs.getString("prev_hash"),
          rs.getString("hash"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored audit details do not parse", e);
    }
  }

  private static void bindIfSet(Query query, String name, String value) {
    if (value != null) {
      query.bind(name, value);
    }
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  static String encodeCursor(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + seq).getBytes(StandardCharsets.UTF_8));
  }

  private static long cursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("after:") && text.chars().noneMatch(Character::isISOControl)) {
        long seq = Long.parseLong(text.substring("after:".length()));
        if (seq >= 0) {
          return seq;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.invalid("cursor", "is not a cursor this API gave (use nextCursor as it came)");
  }
}
