package dev.pave.api.metrics;

import java.util.Arrays;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /prometheus on the admin port, parsed strictly, checked against {@link KnownRequests} (all time). */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusScrapeTest {

  static final MetricsTestApp TEST = new MetricsTestApp();
  static final DropwizardAppExtension<PaveConfiguration> APP = TEST.app;
  static PrometheusText scrape;
  static String page;
  static String contentType;

  @BeforeAll
  static void seedAndScrape() throws Exception {
    try (Connection db = TEST.connect()) {
      KnownRequests.write(db);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort() + "/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    contentType = response.headers().firstValue("Content-Type").orElse("");
    page = response.body();
    scrape = PrometheusText.parse(page);
  }

  @Test
  void itIsTheTextFormat() {
    assertThat(contentType).startsWith("text/plain").contains("version=0.0.4");
    assertThat(scrape.types).containsEntry("pave_request_duration_seconds", "histogram")
        .containsEntry("pave_step_duration_seconds", "histogram")
        .containsEntry("pave_requests_in_progress", "gauge")
        .containsEntry("pave_workspaces_live", "gauge");
    assertThat(scrape.family("pave_requests_total")).isNotNull();
    assertThat(scrape.value("pave_metrics_database_up")).isEqualTo(1.0);
  }

  @Test
  void leadTimeHistogramPerLabelSet() {
    String[] labels = {"module", "postgres-database", "environment", "dev", "team", "payments", "outcome", "succeeded"};
    // R1 (11 s) in the 15 s bucket, R10 (20 s) in the 30 s one; buckets are cumulative.
    assertThat(scrape.value("pave_request_duration_seconds_count", labels)).isEqualTo(2.0);
    assertThat(scrape.value("pave_request_duration_seconds_sum", labels)).isEqualTo(31.0);
    assertThat(scrape.value("pave_request_duration_seconds_bucket", with(labels, "le", "5.0"))).isEqualTo(0.0);
    assertThat(scrape.value("pave_request_duration_seconds_bucket", with(labels, "le", "15.0"))).isEqualTo(1.0);
    assertThat(scrape.value("pave_request_duration_seconds_bucket", with(labels, "le", "30.0"))).isEqualTo(2.0);
    assertThat(scrape.value("pave_request_duration_seconds_bucket", with(labels, "le", "+Inf"))).isEqualTo(2.0);
  }

  @Test
  void stepHistogramsCarryTheStepAndItsOutcome() {
    assertThat(scrape.value("pave_step_duration_seconds_count", "step", "apply", "module", "object-store",
        "environment", "staging", "team", "payments", "outcome", "failed")).isEqualTo(1.0);           // R4
    assertThat(scrape.value("pave_step_duration_seconds_sum", "step", "apply", "module", "object-store",
        "environment", "staging", "team", "payments", "outcome", "failed")).isEqualTo(3.0);
    assertThat(scrape.value("pave_step_duration_seconds_sum", "step", "approval", "module", "postgres-database",
        "environment", "prod", "team", "payments", "outcome", "approved")).isEqualTo(60.0);           // R2
    assertThat(scrape.value("pave_step_duration_seconds_sum", "step", "approval", "module", "postgres-database",
        "environment", "prod", "team", "payments", "outcome", "rejected")).isEqualTo(30.0);           // R8
    // Queues of R1 (1 s), R6 (3 s), R10 (1 s); R12's open approval is not observed until it closes.
    assertThat(scrape.value("pave_step_duration_seconds_count", "step", "queue", "module", "postgres-database",
        "environment", "dev", "team", "payments", "outcome", "ok")).isEqualTo(3.0);
    assertThat(scrape.value("pave_step_duration_seconds_sum", "step", "queue", "module", "postgres-database",
        "environment", "dev", "team", "payments", "outcome", "ok")).isEqualTo(5.0);
  }

  @Test
  void requestsByOutcome() {
    assertThat(scrape.value("pave_requests_total", "module", "postgres-database", "environment", "dev",
        "team", "payments", "outcome", "succeeded")).isEqualTo(2.0);   // R1, R10
    assertThat(scrape.value("pave_requests_total", "module", "object-store", "environment", "dev",
        "team", "search", "outcome", "cancelled")).isEqualTo(1.0);     // R7
    assertThat(scrape.value("pave_requests_total", "module", "postgres-database", "environment", "prod",
        "team", "payments", "outcome", "rejected")).isEqualTo(1.0);    // R8
    double total = scrape.samples.entrySet().stream().filter(e -> e.getKey().startsWith("pave_requests_total{"))
        .mapToDouble(e -> e.getValue()).sum();
    assertThat(total).isEqualTo(9.0); // R1..R8 and R10
  }

  @Test
  void gaugesOfWaitingRequestsAndLiveWorkspaces() {
    assertThat(scrape.value("pave_requests_in_progress", "status", "queued", "module", "postgres-database",
        "environment", "dev", "team", "search")).isEqualTo(1.0);            // R11
    assertThat(scrape.value("pave_requests_in_progress", "status", "awaiting_approval", "module",
        "postgres-database", "environment", "prod", "team", "payments")).isEqualTo(1.0); // R12
    assertThat(scrape.value("pave_requests_in_progress", "status", "applying", "module", "object-store",
        "environment", "dev", "team", "payments")).isEqualTo(1.0);           // R9
    assertThat(scrape.value("pave_workspaces_live", "module", "postgres-database", "environment", "dev",
        "team", "payments")).isEqualTo(1.0);                                 // orders-db (old-db is destroyed)
    assertThat(scrape.value("pave_workspaces_live", "module", "object-store", "environment", "dev",
        "team", "search")).isEqualTo(1.0);                                   // search-bucket
  }

  @Test
  void theJvmAndDropwizardMetricsAreThereToo() {
    assertThat(scrape.types.keySet()).as(scrape.types.keySet().toString()).anyMatch(name -> name.startsWith("jvm_memory"));
    assertThat(scrape.types).containsEntry("jetty_request_duration_seconds", "summary")
        .containsEntry("jvm_gc_collection_seconds_total", "counter")
        .containsEntry("db_pool_active_connections", "gauge");
    assertThat(scrape.samples.keySet()).anyMatch(series -> series.startsWith("jvm_memory_used_bytes{") && series.contains("area=heap"));
  }

  @Test
  void theWholePageFollowsPrometheusConventions() throws Exception {
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "prometheus-page.txt"), page);
    assertThat(PrometheusConventions.problems(page)).as("conventions broken").isEmpty();
    List<String> promtool = PrometheusConventions.promtool(page);
    if (promtool != null) {
      assertThat(promtool).as("promtool check metrics").isEmpty();
    }
  }

  @Test
  void aRebuildFromTheSourceTablesGivesTheSameRollups() throws SQLException {
    try (Connection db = TEST.connect(); Statement sql = db.createStatement()) {
      List<String> incremental = rollups(sql);
      sql.execute("SELECT metrics_rebuild()");
      assertThat(rollups(sql)).isEqualTo(incremental);
    }
  }

  private static List<String> rollups(Statement sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (String query : List.of(
        "SELECT kind, module, environment, team, outcome, le_ms, count, sum_ms FROM metrics_duration_buckets ORDER BY 1, 2, 3, 4, 5, 6",
        "SELECT request_id, team, module, environment, status, created_at, finished_at, lead_time_ms, queue_ms,"
            + " init_ms, plan_ms, policy_ms, approval_ms, apply_ms, human, apply_ran, apply_failed, self_cancelled"
            + " FROM metrics_requests ORDER BY 1")) {
      try (ResultSet rs = sql.executeQuery(query)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int c = 1; c <= columns; c++) {
            row.append(rs.getString(c)).append('|');
          }
          rows.add(row.toString());
        }
      }
    }
    assertThat(rows).hasSizeGreaterThan(20);
    return rows;
  }

  private static String[] with(String[] labels, String name, String value) {
    String[] all = Arrays.copyOf(labels, labels.length + 2);
    all[labels.length] = name;
    all[labels.length + 1] = value;
    return all;
  }
}
