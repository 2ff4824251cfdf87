package dev.pave.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.db.RequestDao;
import dev.pave.api.db.WorkspaceDao;
import dev.pave.api.metrics.MetricsTestApp;
import dev.pave.api.session.SessionCookie;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lists are pages (API and portal alike) over the benchmark's seed (10,000 requests, thousands of
 * live workspaces): following the cursors reads every row once, in order; the filters hold across
 * pages; a cursor Pave did not give is a 422 on {@code cursor}; and the queries behind the pages
 * read an index, never the whole table (EXPLAIN of the DAO's own SQL).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
// The seed's unfinished requests get workflows at Pave's first recovery sweep (60 s after start),
// which changes their statuses: the tests that read statuses run first, right after the seed.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagedListsTest {

  static final MetricsTestApp TEST = new MetricsTestApp();
  static final DropwizardAppExtension<PaveConfiguration> APP = TEST.app;
  static final Pattern ROW_LINK = Pattern.compile("<td><a href=\"/(?:requests|workspaces)/([^\"]+)\">");
  static final Pattern NEXT_LINK = Pattern.compile("<a href=\"([^\"]+cursor=[^\"]+)\">");
  static HttpApi api;
  static BrowserHttp web;
  static String admin;

  @BeforeAll
  static void seed() throws Exception {
    api = new HttpApi(APP.getLocalPort());
    web = new BrowserHttp(APP.getLocalPort());
    try (Connection db = TEST.connect(); Statement sql = db.createStatement()) {
      sql.execute("SET pave.bench_requests = '10000'");
      sql.execute(Files.readString(Path.of("../bench/metrics/seed.sql")));
      // More waiting requests than an inbox page holds.
      sql.execute("UPDATE requests SET status = 'awaiting_approval', finished_at = NULL WHERE id IN"
          + " (SELECT id FROM requests ORDER BY created_at DESC LIMIT 45)");
      sql.execute("ANALYZE requests");
    }
    admin = BrowserHttp.cookie(web.signInToPortal(PaveTestApp.ADMIN_TOKEN), SessionCookie.NAME).orElseThrow();
  }

  static List<String> column(String query) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection db = TEST.connect(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  @Test
  void theApiCursorsReadEveryRequestOnceNewestFirst() throws Exception {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      HttpApi.Reply page = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests?team=search&limit=500"
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
      page.body().get("requests").forEach(r -> seen.add(r.get("id").asText()));
      cursor = page.body().path("nextCursor").isTextual() ? page.body().get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(seen).hasSizeGreaterThan(500)
        .containsExactlyElementsOf(column("SELECT id FROM requests WHERE team = 'search' ORDER BY created_at DESC, id DESC"));
  }

  @Test
  void theWorkspaceListIsWholeWithoutALimitAndPagedWithOne() throws Exception {
    List<String> live = column("SELECT name FROM workspaces WHERE status = 'live' ORDER BY name");
    assertThat(live).hasSizeGreaterThan(1000);
    HttpApi.Reply whole = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/workspaces");
    assertThat(whole.body().get("workspaces")).hasSize(live.size());
    assertThat(whole.body().has("nextCursor")).isFalse();

    List<String> paged = new ArrayList<>();
    String cursor = null;
    do {
      HttpApi.Reply page = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/workspaces?limit=400"
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
      assertThat(page.body().get("workspaces").size()).isLessThanOrEqualTo(400);
      page.body().get("workspaces").forEach(w -> paged.add(w.get("name").asText()));
      cursor = page.body().path("nextCursor").isTextual() ? page.body().get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(paged).containsExactlyElementsOf(live);
  }

  @Test
  void aTeamFilterNeverWidensWhatARequesterReads() throws Exception {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-search", "team", "search", "role", "requester"));
    String search = issued.body().get("token").asText();
    for (String path : List.of("/v1/workspaces?team=data&limit=50", "/v1/workspaces?team=data",
        "/v1/requests?team=data&limit=50")) {
      HttpApi.Reply reply = api.get(search, path);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body().path(path.startsWith("/v1/workspaces") ? "workspaces" : "requests")).as(path).isEmpty();
    }
    HttpApi.Reply own = api.get(search, "/v1/workspaces?limit=50");
    assertThat(own.body().get("workspaces")).hasSize(50)
        .allSatisfy(w -> assertThat(w.get("team").asText()).isEqualTo("search"));
    String cookie = BrowserHttp.cookie(web.signInToPortal(search), SessionCookie.NAME).orElseThrow();
    assertThat(matches(ROW_LINK, web.get("/workspaces?team=data", cookie).body())).isEmpty();
    List<String> shown = matches(ROW_LINK, web.get("/workspaces", cookie).body());
    assertThat(shown).hasSize(PageLink.SIZE)
        .containsExactlyElementsOf(column("SELECT name FROM workspaces WHERE status = 'live' AND team = 'search'"
            + " ORDER BY name LIMIT " + PageLink.SIZE));
  }

  @Test
  void aCursorPaveDidNotGiveIsA422OnTheCursor() {
    for (String path : List.of("/v1/requests?cursor=bm90LWEtY3Vyc29y", "/v1/workspaces?cursor=%21%21",
        "/v1/requests?cursor=" + dev.pave.api.core.ListCursor.encode("yesterday", "req_x"))) {
      HttpApi.Reply refused = api.get(PaveTestApp.ADMIN_TOKEN, path);
      assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(422);
      assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    }
    HttpResponse<String> page = web.get("/requests?cursor=%21%21", admin);
    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body()).contains("cursor").doesNotContain("Exception");
  }

  @Test
  void thePortalWorkspacesPageShowsFiftyAndTheNextFiftyKeepingTheTeam() throws Exception {
    List<String> live = column("SELECT name FROM workspaces WHERE status = 'live' AND team = 'data' ORDER BY name");
    assertThat(live).hasSizeGreaterThan(100);
    Set<String> shown = new LinkedHashSet<>();
    String next = "/workspaces?team=data";
    for (int page = 0; page < 2; page++) {
      HttpResponse<String> html = web.get(next, admin);
      assertThat(html.statusCode()).isEqualTo(200);
      List<String> rows = matches(ROW_LINK, html.body());
      assertThat(rows).hasSize(PageLink.SIZE);
      shown.addAll(rows);
      next = matches(NEXT_LINK, html.body()).get(0).replace("&amp;", "&");
      assertThat(next).startsWith("/workspaces?team=data&cursor=");
    }
    assertThat(shown).containsExactlyElementsOf(live.subList(0, 2 * PageLink.SIZE));
  }

  @Test
  @Order(2)
  void thePortalRequestsPageIsNewestFirstWithTheApiFilters() throws Exception {
    List<String> failed = column("SELECT id FROM requests WHERE status = 'failed' ORDER BY created_at DESC, id DESC");
    HttpResponse<String> first = web.get("/requests?status=failed", admin);
    assertThat(matches(ROW_LINK, first.body())).containsExactlyElementsOf(failed.subList(0, PageLink.SIZE));
    String older = matches(NEXT_LINK, first.body()).get(0).replace("&amp;", "&");
    assertThat(older).startsWith("/requests?status=failed&cursor=");
    assertThat(matches(ROW_LINK, web.get(older, admin).body()))
        .containsExactlyElementsOf(failed.subList(PageLink.SIZE, 2 * PageLink.SIZE));
  }

  @Test
  @Order(1)
  void theInboxShowsAPageOfWaitingRequestsAndTheOlderOnes() throws Exception {
    List<String> waiting = column("SELECT id FROM requests WHERE status = 'awaiting_approval'"
        + " ORDER BY created_at DESC, id DESC");
    assertThat(waiting).hasSizeGreaterThan(InboxPages.SIZE);
    HttpResponse<String> first = web.get("/inbox", admin);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    for (String id : waiting.subList(0, InboxPages.SIZE)) {
      assertThat(first.body()).contains("action=\"/inbox/" + id + "\"");
    }
    assertThat(first.body()).doesNotContain("action=\"/inbox/" + waiting.get(InboxPages.SIZE) + "\"");
    String older = matches(NEXT_LINK, first.body()).get(0).replace("&amp;", "&");
    assertThat(web.get(older, admin).body()).contains("action=\"/inbox/" + waiting.get(InboxPages.SIZE) + "\"");
    // A seeded request's own page opens too: the seed's ids are Pave's.
    assertThat(web.get("/requests/" + waiting.get(0), admin).statusCode()).isEqualTo(200);
  }

  /** The DAO's own SQL with these values, EXPLAINed: an index serves it, and no sort of the table follows. */
  @Test
  void thePagesReadIndexesNotTables() throws Exception {
    String requests = sqlOf(RequestDao.class, "list", 6);
    String workspaces = sqlOf(WorkspaceDao.class, "live", 3);
    String before = "'" + Instant.now().minusSeconds(86_400 * 30) + "'";
    for (String query : List.of(
        bind(requests, Map.of("limit", "51")),
        bind(requests, Map.of("team", "'search'", "limit", "51")),
        bind(requests, Map.of("status", "'awaiting_approval'", "limit", "21")),
        bind(requests, Map.of("workspace", "'postgres-database-search-7'", "limit", "51")),
        bind(requests, Map.of("beforeAt", before, "beforeId", "'req_bench99999999999'", "limit", "51")),
        bind(requests, Map.of("team", "'search'", "beforeAt", before, "beforeId", "'req_x'", "limit", "51")),
        bind(workspaces, Map.of("limit", "51")),
        bind(workspaces, Map.of("team", "'data'", "after", "'m'", "limit", "51")))) {
      String plan = String.join("\n", column("EXPLAIN " + query));
      assertThat(plan).as(query + "\n" + plan).contains("Index").doesNotContain("Seq Scan").doesNotContain("Sort");
    }
  }

  static String sqlOf(Class<?> dao, String method, int parameters) {
    for (var m : dao.getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == parameters && m.isAnnotationPresent(SqlQuery.class)) {
        return m.getAnnotation(SqlQuery.class).value();
      }
    }
    throw new IllegalArgumentException(dao.getSimpleName() + "." + method);
  }

  /** Named parameters (":team", never a "::text" cast) replaced by SQL literals; the others NULL. */
  static String bind(String sql, Map<String, String> values) {
    Matcher named = Pattern.compile("(?<!:):(\\w+)").matcher(sql);
    StringBuilder bound = new StringBuilder();
    while (named.find()) {
      named.appendReplacement(bound, Matcher.quoteReplacement(values.getOrDefault(named.group(1), "NULL")));
    }
    return named.appendTail(bound).toString();
  }

  static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
