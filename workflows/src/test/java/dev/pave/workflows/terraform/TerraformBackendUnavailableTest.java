package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state database that is down is a reason to wait and retry, not to fail the request: the
 * real binary's error for an unreachable pg backend is classified as such.
 */
class TerraformBackendUnavailableTest {

  private final TerraformSettings settings = TerraformSettings.onPath();
  private final Terraform terraform = new Terraform(settings);

  @TempDir Path home;
  @TempDir Path work;

  @Test
  void anUnreachableStateDatabaseIsBackendUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TestConfigs.write(work, "main.tf", TestConfigs.GREETING);
    TestConfigs.write(work, "backend.tf", TestConfigs.PG_BACKEND);
    Map<String, String> env = TerraformEnvironment.minimal(home, settings,
        Map.of("PG_CONN_STR", "postgres://postgres@127.0.0.1:" + closedPort + "/postgres?sslmode=disable"));
    assertThatThrownBy(() -> terraform.init(work, env, new InitOptions(Map.of("schema_name", "s"), null)))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("connection refused");
  }
}
