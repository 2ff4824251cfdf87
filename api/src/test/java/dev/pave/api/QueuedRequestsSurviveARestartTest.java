package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.support.FileTrees;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost: requests waiting for a run slot when Pave stops (no workflow, and
 * the embedded Temporal forgets everything anyway) are admitted by the restarted Pave and end.
 */
class QueuedRequestsSurviveARestartTest {

  static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path home;
  @TempDir Path work;

  @Test
  void requestsWaitingForASlotWhenPaveStopsRunAfterItStartsAgain() throws Exception {
    Path catalog = work.resolve("catalog");
    FileTrees.copy(Path.of("src/test/resources/resilience/modules/slow-apply"), catalog.resolve("slow-apply"));
    ConfigOverride[] config = {ConfigOverride.config("embedded.databasePort", String.valueOf(freePort())),
        ConfigOverride.config("embedded.targetPort", String.valueOf(freePort())),
        ConfigOverride.config("limits.runsPerTeam", "1"),
        ConfigOverride.config("modulesDir", catalog.toString()),
        ConfigOverride.config("platformInputs.marker_file", work.resolve("applied.txt").toString())};
    String token;
    List<String> ids = new ArrayList<>();
    DropwizardAppExtension<PaveConfiguration> first = PaveTestApp.embeddedIn(home, "pave-test.yml", config);
    first.before();
    try {
      HttpApi api = new HttpApi(first.getLocalPort());
      token = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", "ci", "team", "restart", "role",
          "requester")).body().get("token").asText();
      for (int i = 1; i <= 3; i++) {
        HttpApi.Reply accepted = api.post(token, "/v1/requests", Map.of("module", "slow-apply", "workspace",
            "restart-" + i, "environment", "dev", "ttlHours", 24, "inputs", Map.of("label", "restart-" + i,
                "delay_seconds", 8)));
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        ids.add(accepted.body().get("id").asText());
      }
      for (String id : ids.subList(1, 3)) {
        assertThat(api.get(token, "/v1/requests/" + id).body().get("status").asText()).isEqualTo("queued");
      }
    } finally {
      first.after(); // the first run is seconds from done: the other two still wait
    }

    DropwizardAppExtension<PaveConfiguration> restarted = PaveTestApp.embeddedIn(home, "pave-test.yml", config);
    restarted.before();
    try {
      HttpApi api = new HttpApi(restarted.getLocalPort());
      for (String id : ids) {
        assertThat(api.awaitTerminal(token, id, WAIT).get("status").asText()).as(id).isEqualTo("succeeded");
      }
    } finally {
      restarted.after();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
