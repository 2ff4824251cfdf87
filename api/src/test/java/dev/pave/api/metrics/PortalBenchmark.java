package dev.pave.api.metrics;

import dev.pave.api.session.SessionCookie;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's render times (bench/portal.sh runs it): Pave on the embedded default with the
 * metrics seed (10,000 requests by default, 45 of them made to wait for an approver), one real
 * request, an admin's browser session (it sees every team), then each page, and the second page
 * of each paged list, fetched over real HTTP; p50, p95 and max in ms, after a warm-up.
 */
public final class PortalBenchmark {

  private static final int WAITING = 45;
  private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+cursor=[^\"]+)\">");

  private PortalBenchmark() {}

  public static void main(String[] args) throws Throwable {
    Path seed = Path.of(args.length > 0 ? args[0] : "../bench/metrics/seed.sql");
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    MetricsTestApp test = new MetricsTestApp();
    String seeded;
    test.app.before();
    try {
      try (Connection db = test.connect(); Statement sql = db.createStatement()) {
        sql.execute("SET pave.bench_requests = '" + requests + "'");
        sql.execute(Files.readString(seed));
        // The seed leaves a handful waiting (its last 9 hours); an inbox of more than one page.
        sql.execute("UPDATE requests SET status = 'awaiting_approval', finished_at = NULL WHERE id IN"
            + " (SELECT id FROM requests ORDER BY created_at DESC LIMIT " + WAITING + ")");
        sql.execute("ANALYZE requests");
        try (ResultSet row = sql.executeQuery("SELECT count(*), (SELECT count(*) FROM workspaces WHERE status = 'live'),"
            + " (SELECT max(id) FROM requests WHERE status = 'succeeded') FROM requests")) {
          row.next();
          System.out.printf(Locale.ROOT, "seeded %,d requests, %,d live workspaces, %d awaiting approval%n",
              row.getLong(1), row.getLong(2), WAITING);
          seeded = row.getString(3);
        }
      }
      // A real request too, with what the seed has not: a plan, Terraform's output.
      HttpApi api = new HttpApi(test.app.getLocalPort());
      String someRequest = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/requests", Map.of("module", "postgres-database",
          "workspace", "bench-db", "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "bench")))
          .body().get("id").asText();
      api.awaitTerminal(PaveTestApp.ADMIN_TOKEN, someRequest, Duration.ofSeconds(120));
      BrowserHttp web = new BrowserHttp(test.app.getLocalPort());
      String cookie = BrowserHttp.cookie(web.signInToPortal(PaveTestApp.ADMIN_TOKEN), SessionCookie.NAME).orElseThrow();
      System.out.println("| page | calls | p50 ms | p95 ms | max ms |");
      System.out.println("|---|---|---|---|---|");
      List<String> pages = List.of("/", "/catalog/postgres-database", "/catalog/postgres-database/new", "/requests",
          next(web, "/requests", cookie), "/requests?team=search&status=failed", "/requests/" + someRequest,
          "/requests/" + someRequest + "/live", "/requests/" + seeded, "/inbox", next(web, "/inbox", cookie),
          "/workspaces", next(web, "/workspaces", cookie), "/workspaces?team=data", "/audit", "/dashboard");
      for (String page : pages) {
        long[] sorted = MetricsBenchmark.time(calls, () -> get(web, page, cookie));
        String shown = page.replace(someRequest, "{id}").replace(seeded, "{seeded id}")
            .replaceAll("cursor=[^&]+", "cursor=(its next page)");
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", shown, calls,
            MetricsBenchmark.at(sorted, 0.5), MetricsBenchmark.at(sorted, 0.95), sorted[sorted.length - 1]);
      }
    } finally {
      test.app.after();
    }
  }

  /** The page's "Older"/"Next" link: its second page. */
  private static String next(BrowserHttp web, String path, String cookie) {
    Matcher link = NEXT.matcher(web.get(path, cookie).body());
    if (!link.find()) {
      throw new IllegalStateException(path + " has no next page");
    }
    return link.group(1).replace("&amp;", "&");
  }

  private static long get(BrowserHttp web, String path, String cookie) {
    long start = System.nanoTime();
    HttpResponse<String> page = web.get(path, cookie);
    if (page.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + page.statusCode() + ": " + page.body());
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
