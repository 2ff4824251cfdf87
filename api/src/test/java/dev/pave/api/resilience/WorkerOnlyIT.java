package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * `pave worker` as an operator runs it in a cluster (its own PostgreSQL and Temporal reached over
 * the network): it starts only a worker. Its admin port answers {@code /healthcheck} (the
 * database pool and Temporal) and {@code /prometheus}, and nothing else; no API port is bound.
 */
class WorkerOnlyIT {

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void aWorkerServesHealthAndPrometheusOnItsAdminPortAndBindsNoApiPort() throws Exception {
    int temporalPort = FreePorts.pick();
    try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(temporalPort, true);
        ExternalPostgres postgres = new ExternalPostgres(dir.resolve("postgres")).start()) {
      Path config = PaveConfigFile.with(TestCatalog.create(dir.resolve("catalog")))
          .set("database.url", postgres.jdbcUrl())
          .set("database.user", "postgres")
          .set("temporal.target", "127.0.0.1:" + temporalPort)
          .set("encryptionKey", newKey())
          .set("audit.signingKey", dev.pave.api.support.AuditSigningKeys.newKey())
          .set("platformInputs", Map.of("server_host", "127.0.0.1", "server_port", postgres.port(),
              "admin_user", "postgres"))
          .writeTo(dir.resolve("pave.yml"));
      try (PaveProcess worker = PaveProcess.worker("worker", dir.resolve("worker"), config)) {
        worker.start().awaitReady(Duration.ofSeconds(120));

        HttpResponse<String> health = get(worker.adminPort(), "/healthcheck");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"temporal\"", "\"pave\"");
        HttpResponse<String> prometheus = get(worker.adminPort(), "/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory");
        assertThat(get(worker.adminPort(), "/threads").statusCode())
            .as("the admin port serves health and Prometheus only, as the server's does").isEqualTo(404);

        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", worker.httpPort()), 2_000))
            .as("no API port: PAVE_HTTP_PORT is set, yet nothing listens on it").isInstanceOf(ConnectException.class);
        assertThat(worker.alive()).isTrue();
      }
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
