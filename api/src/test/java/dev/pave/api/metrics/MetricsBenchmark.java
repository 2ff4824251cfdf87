package dev.pave.api.metrics;

import dev.pave.api.support.PaveTestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The "metrics at scale" benchmark (bench/metrics/run.sh runs it): starts Pave on the embedded
 * default, seeds a year of requests with bench/metrics/seed.sql (206,000 requests, about
 * 1,000,000 steps), then times GET /v1/metrics and a /prometheus scrape over real HTTP.
 * Arguments: the seed file, and optionally the number of requests and of timed calls.
 */
public final class MetricsBenchmark {

  private MetricsBenchmark() {}

  public static void main(String[] args) throws Throwable {
    Path seed = Path.of(args.length > 0 ? args[0] : "../bench/metrics/seed.sql");
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 206_000;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    MetricsTestApp test = new MetricsTestApp();
    test.app.before();
    try {
      long seedStart = System.nanoTime();
      try (Connection db = test.connect(); Statement sql = db.createStatement()) {
        sql.execute("SET pave.bench_requests = '" + requests + "'");
        sql.execute(Files.readString(seed));
        try (ResultSet counts = sql.executeQuery(
            "SELECT (SELECT count(*) FROM requests), (SELECT count(*) FROM request_steps)")) {
          counts.next();
          System.out.printf(Locale.ROOT, "seeded %,d requests and %,d steps in %.1f s%n", counts.getLong(1),
              counts.getLong(2), (System.nanoTime() - seedStart) / 1e9);
        }
      }
      String base = "http://localhost:" + test.app.getLocalPort();
      String admin = "http://localhost:" + test.app.getAdminPort();
      Instant now = Instant.now();
      String year = "/v1/metrics?since=" + now.minus(Duration.ofDays(365)) + "&until=" + now;
      HttpClient http = HttpClient.newHttpClient();
      Supplier<Long> yearCall = () -> get(http, base + year, PaveTestApp.ADMIN_TOKEN);
      System.out.printf(Locale.ROOT, "first call (loads the replica): %d ms%n", yearCall.get());
      report("GET /v1/metrics, one year, all teams", time(calls, yearCall));
      report("GET /v1/metrics, one year, module=redis-cache",
          time(calls, () -> get(http, base + year + "&module=redis-cache", PaveTestApp.ADMIN_TOKEN)));
      report("GET /v1/metrics, default 30 days", time(calls, () -> get(http, base + "/v1/metrics", PaveTestApp.ADMIN_TOKEN)));
      report("GET /prometheus (admin port)", time(calls / 4, () -> get(http, admin + "/prometheus", null)));
      writeCost(test, 1_000);
    } finally {
      test.app.after();
    }
  }

  /**
   * What the triggers add to the workflow's writes: the same requests (accepted, five steps
   * opened and closed, ended: 12 statements each) with the triggers on and off.
   */
  private static void writeCost(MetricsTestApp test, int requests) throws Exception {
    try (Connection db = test.connect(); Statement sql = db.createStatement()) {
      double[] millisPerRequest = new double[2];
      for (int run = 0; run < 2; run++) {
        boolean triggers = run == 1;
        sql.execute("SET session_replication_role = " + (triggers ? "origin" : "replica"));
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
          SeededRequest.request("req_write" + run + "_" + i).at(Instant.now()).step("queue", 100).step("init", 900)
              .step("plan", 2000).step("policy", 200).step("apply", 5000).write(db, "succeeded");
        }
        millisPerRequest[run] = (System.nanoTime() - start) / 1e6 / requests;
      }
      sql.execute("SET session_replication_role = origin");
      System.out.printf(Locale.ROOT, "writes of one request (12 statements, autocommit): %.2f ms without the"
          + " metrics triggers, %.2f ms with them%n", millisPerRequest[0], millisPerRequest[1]);
    }
  }

  static long[] time(int calls, Supplier<Long> call) {
    for (int i = 0; i < 10; i++) {
      call.get(); // warm-up: JIT and connection pool
    }
    long[] millis = new long[calls];
    for (int i = 0; i < calls; i++) {
      millis[i] = call.get();
    }
    Arrays.sort(millis);
    return millis;
  }

  private static long get(HttpClient http, String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + new String(response.body()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void report(String what, long[] sorted) {
    System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", what, sorted.length, at(sorted, 0.5),
        at(sorted, 0.9), at(sorted, 0.99), sorted[sorted.length - 1]);
  }

  static long at(long[] sorted, double p) {
    return sorted[Math.max((int) Math.ceil(p * sorted.length), 1) - 1];
  }
}
