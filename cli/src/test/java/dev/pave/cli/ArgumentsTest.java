package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Flags as picocli reads them into a request body, and bad command lines: exit 2 with nothing
 * sent (a listening socket counts every connection the CLI opens).
 */
class ArgumentsTest {

  ServerSocket listener;
  final AtomicInteger connections = new AtomicInteger();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket(0);
    Thread accepter = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket ignored = listener.accept()) {
          connections.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    });
    accepter.setDaemon(true);
    accepter.start();
  }

  @AfterEach
  void close() throws IOException {
    listener.close();
  }

  int run(String... args) {
    Console console = new Console(Map.of("PAVE_URL", "http://127.0.0.1:" + listener.getLocalPort(),
        "PAVE_TOKEN", "pave_unit-test-token"), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), duration -> { });
    return Pave.run(args, console);
  }

  @Test
  void badCommandLinesEndWithTwoAndSendNothing() {
    String[][] bad = {
        {},
        {"apply"},
        {"apply", "--module", "m", "--env", "dev"}, // --env may be left out (an existing workspace's), --workspace not
        {"apply", "--module", "m", "--workspace", "w", "--env", "dev", "--ttl", "0"},
        {"apply", "--module", "m", "--workspace", "w", "--env", "dev", "--ttl", "many"},
        {"apply", "--module", "m", "--workspace", "w", "--env", "dev", "--timeout", "soon"},
        {"apply", "--module", "m", "--workspace", "w", "--env", "dev", "--no-such-flag"},
        {"apply", "--module", "m", "--workspace", "w", "--env", "dev", "--inputs", "/no/such/file.json"},
        {"apply", "--module", "m", "--workspace", "w", "--env", "dev", "--url", "ftp://pave"},
        {"apply", "--module", "m", "--workspace", "w", "--env", "dev", "--retries", "-1"},
        {"approve", "req_1"},
        {"frobnicate"},
        {"audit", "verify", "export.jsonl"},
    };
    for (String[] args : bad) {
      assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
    }
    assertThat(connections.get()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void withoutAnyCredentialItIsAUsageErrorAndNothingIsSent() {
    Console console = new Console(Map.of("PAVE_URL", "http://127.0.0.1:" + listener.getLocalPort()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        duration -> { });
    assertThat(Pave.run(new String[] {"status", "req_1"}, console)).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("PAVE_TOKEN").contains("PAVE_OIDC_TOKEN");
    assertThat(connections.get()).isZero();
  }

  @Test
  void setValuesKeepTheirJsonTypesAndWinOverTheInputsFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("inputs.json");
    Files.writeString(file, "{\"database_name\": \"from_file\", \"connection_limit\": 5, \"tags\": [\"a\"]}");
    ApplyCommand apply = new ApplyCommand(null);
    new CommandLine(apply).parseArgs("--module", "postgres-database", "--workspace", "orders-db", "--env", "dev",
        "--version", "1.0.0", "--ttl", "24", "--inputs", file.toString(), "--set", "database_name=orders",
        "--set", "connection_limit=20", "--set", "verbose=true", "--set", "zip=\"01234\"",
        "--set", "note=true story", "--set", "empty=");
    JsonNode body = apply.request.body("apply");
    assertThat(body.toString()).isEqualTo("{\"module\":\"postgres-database\",\"version\":\"1.0.0\","
        + "\"workspace\":\"orders-db\",\"environment\":\"dev\",\"action\":\"apply\",\"ttlHours\":24,"
        + "\"inputs\":{\"database_name\":\"orders\",\"connection_limit\":20,\"tags\":[\"a\"],\"verbose\":true,"
        + "\"zip\":\"01234\",\"note\":\"true story\",\"empty\":\"\"}}");
  }

  @Test
  void anExplicitIdempotencyKeyWinsAndOutsideCiEachRunGetsItsOwn() {
    ApplyCommand apply = new ApplyCommand(null);
    new CommandLine(apply).parseArgs("--module", "m", "--workspace", "w", "--env", "dev");
    String first = apply.request.idempotencyKey("apply", Map.of());
    assertThat(first).startsWith("pave-cli:");
    assertThat(apply.request.idempotencyKey("apply", Map.of())).isNotEqualTo(first);
    new CommandLine(apply).parseArgs("--module", "m", "--workspace", "w", "--env", "dev", "--idempotency-key", "k-1");
    assertThat(apply.request.idempotencyKey("apply", IdempotencyKeysTest.github("1", "j", "1"))).isEqualTo("k-1");
  }

  @Test
  void versionPrintsWithoutAnyServer() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("pave ");
  }
}
