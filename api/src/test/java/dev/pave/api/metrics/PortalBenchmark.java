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

/**
 * The portal's render times (bench/portal.sh runs it): Pave on the embedded default with the
 * metrics seed (10,000 requests by default), an admin's browser session (it sees every team),
 * then each page fetched over real HTTP; p50, p95 and max in ms, after a warm-up.
 */
public final class PortalBenchmark {

  private PortalBenchmark() {}

  public static void main(String[] args) throws Throwable {
    Path seed = Path.of(args.length > 0 ? args[0] : "../bench/metrics/seed.sql");
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    MetricsTestApp test = new MetricsTestApp();
    test.app.before();
    try {
      try (Connection db = test.connect(); Statement sql = db.createStatement()) {
        sql.execute("SET pave.bench_requests = '" + requests + "'");
        sql.execute(Files.readString(seed));
        try (ResultSet row = sql.executeQuery("SELECT count(*) FROM requests")) {
          row.next();
          System.out.printf(Locale.ROOT, "seeded %,d requests%n", row.getLong(1));
        }
      }
      // The seed's ids are not in Pave's id format (no page serves them): one real request to show.
      HttpApi api = new HttpApi(test.app.getLocalPort());
      String someRequest = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/requests", Map.of("module", "postgres-database",
          "workspace", "bench-db", "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "bench")))
          .body().get("id").asText();
      api.awaitTerminal(PaveTestApp.ADMIN_TOKEN, someRequest, Duration.ofSeconds(120));
      BrowserHttp web = new BrowserHttp(test.app.getLocalPort());
      String cookie = BrowserHttp.cookie(web.signInToPortal(PaveTestApp.ADMIN_TOKEN), SessionCookie.NAME).orElseThrow();
      // Not /inbox: it opens each waiting request by id, and the seed's ids are not Pave's.
      System.out.println("| page | calls | p50 ms | p95 ms | max ms |");
      System.out.println("|---|---|---|---|---|");
      for (String page : List.of("/", "/catalog/postgres-database", "/catalog/postgres-database/new", "/requests",
          "/requests/" + someRequest, "/requests/" + someRequest + "/live", "/workspaces", "/audit",
          "/dashboard")) {
        long[] sorted = MetricsBenchmark.time(calls, () -> get(web, page, cookie));
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", page.replace(someRequest, "{id}"), calls,
            MetricsBenchmark.at(sorted, 0.5), MetricsBenchmark.at(sorted, 0.95), sorted[sorted.length - 1]);
      }
    } finally {
      test.app.after();
    }
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
