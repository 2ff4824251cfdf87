package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A refusal sent before the body was read says {@code Connection: close}: Jetty closes such a
 * connection after the answer, and a keep-alive client that was not told reused it and failed its
 * next call ("header parser received no bytes", seen in CI after an OIDC refusal).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UnreadBodyClosesConnectionTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  private static final String BODY = "{\"module\": \"postgres-database\", \"workspace\": \"unread-db\","
      + " \"environment\": \"dev\", \"ttlHours\": 24, \"inputs\": {\"database_name\": \"unread\"}}";

  @Test
  void aRefusedPostWithABodyTellsTheClientToClose() throws IOException {
    // The body is still on its way when the refusal is written (as when a client's body write comes
    // after its headers'): it is sent only once the answer's head has been read.
    String head = keepAlivePost("/v1/requests", "Authorization: Bearer not-a-token-of-this-pave-at-all-0123456789",
        false);
    assertThat(head).startsWith("HTTP/1.1 401");
    assertThat(head.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
  }

  @Test
  void aReadBodyLeavesTheConnectionOpen() throws IOException {
    // No token needed to be refused after reading: an OIDC exchange with no token field is a 422 on its body.
    String head = keepAlivePost("/v1/auth/oidc", null, true);
    assertThat(head).startsWith("HTTP/1.1 422");
    assertThat(head.toLowerCase(Locale.ROOT)).doesNotContain("\r\nconnection: close\r\n");
  }

  /** Sends a keep-alive POST with a JSON body and answers the response's status line and headers. */
  private static String keepAlivePost(String path, String authorization, boolean bodyFirst) throws IOException {
    byte[] body = (path.endsWith("oidc") ? "{}" : BODY).getBytes(StandardCharsets.UTF_8);
    String request = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + APP.getLocalPort() + "\r\n"
        + (authorization == null ? "" : authorization + "\r\n")
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    try (Socket socket = new Socket("localhost", APP.getLocalPort())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      if (bodyFirst) {
        out.write(body);
      }
      out.flush();
      String head = readHead(socket.getInputStream());
      if (!bodyFirst) {
        out.write(body);
        out.flush();
      }
      return head;
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      bytes.write(b);
      if (bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
