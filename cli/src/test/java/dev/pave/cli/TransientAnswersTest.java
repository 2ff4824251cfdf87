package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a gateway in front of Pave answers while Pave restarts (502, 503, 504) is retried with the
 * same Idempotency-Key; a 500 is not. The gateway here is the JDK's HTTP server replaying a script
 * of statuses (Pave's own answers are covered end to end in the api module's PaveCliEndToEndTest).
 */
class TransientAnswersTest {

  HttpServer gateway;
  final Deque<Integer> script = new ConcurrentLinkedDeque<>();
  final List<String> keys = new ArrayList<>();
  final List<Duration> waits = new ArrayList<>();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/", exchange -> {
      synchronized (keys) {
        keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      }
      int status = script.isEmpty() ? 202 : script.poll();
      byte[] body = (status == 202 ? "{\"id\":\"req_1\",\"status\":\"queued\"}"
          : "{\"code\":" + status + ",\"message\":\"gateway\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop(0);
  }

  int apply() {
    Console console = new Console(Map.of("PAVE_URL", "http://127.0.0.1:" + gateway.getAddress().getPort(),
        "PAVE_TOKEN", "pave_unit-test-token"), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), waits::add);
    return Pave.run(new String[] {"apply", "--module", "m", "--workspace", "w", "--env", "dev"}, console);
  }

  @Test
  void gatewayErrorsAreRetriedWithTheSameIdempotencyKeyUntilPaveAnswers() {
    script.addAll(List.of(502, 503, 504));
    assertThat(apply()).isEqualTo(ExitCode.SUCCEEDED);
    assertThat(keys).hasSize(4).allMatch(key -> key != null && key.equals(keys.get(0)));
    assertThat(waits).hasSize(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Pave answered 502; retry 1 of 6")
        .contains("Pave answered 504; retry 3 of 6").doesNotContain("pave_unit-test-token");
  }

  @Test
  void anUnexplainedServerErrorIsNotRetried() {
    script.add(500);
    assertThat(apply()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(keys).hasSize(1);
    assertThat(waits).isEmpty();
  }
}
