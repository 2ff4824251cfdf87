package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CI job often has no locale (LANG=C), where Java's default charset is ASCII and every other
 * character printed became '?': `--json` is read by programs, so it is UTF-8 whatever the locale.
 * Runs the real CLI's main in a JVM started as such a job starts it.
 */
class NonAsciiOutputTest {

  static final String WORKSPACE_OWNER = "Zoë Øster 数据";
  HttpServer pave;

  @BeforeEach
  void serve() throws IOException {
    pave = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pave.createContext("/v1/requests/", exchange -> {
      byte[] body = ("{\"id\":\"req_0000000000000001\",\"status\":\"succeeded\",\"requester\":\""
          + WORKSPACE_OWNER + "\",\"steps\":[],\"policies\":[]}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    pave.start();
  }

  @AfterEach
  void stop() {
    pave.stop(0);
  }

  @Test
  void jsonIsWrittenAsUtf8WithoutAUtf8Locale() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder job = new ProcessBuilder(java.toString(), "-Dfile.encoding=ANSI_X3.4-1968",
        "-Dsun.stdout.encoding=ANSI_X3.4-1968", "-Dstdout.encoding=ANSI_X3.4-1968",
        "-cp", System.getProperty("java.class.path"), Pave.class.getName(),
        "status", "req_0000000000000001", "--json");
    job.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
    job.environment().put("LANG", "C");
    job.environment().put("PAVE_URL", "http://127.0.0.1:" + pave.getAddress().getPort());
    job.environment().put("PAVE_TOKEN", "pave_unit-test-token");
    job.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = job.start();
    byte[] stdout;
    try (InputStream out = process.getInputStream()) {
      stdout = out.readAllBytes();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(ExitCode.SUCCEEDED);
    assertThat(new String(stdout, StandardCharsets.UTF_8)).contains(WORKSPACE_OWNER);
    assertThat(indexOf(stdout, WORKSPACE_OWNER.getBytes(StandardCharsets.UTF_8))).isNotNegative();
    assertThat(new String(stdout, StandardCharsets.ISO_8859_1)).doesNotContain("?");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
