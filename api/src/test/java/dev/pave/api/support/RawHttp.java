package dev.pave.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests java.net.http refuses to send (a malformed
 * percent-encoding, an encoded slash, a 20 KB URI): what a hostile client can put on the wire.
 */
public final class RawHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RawHttp() {}

  public record Reply(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as JSON; fails the test, showing the body, when it is anything else. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + ", " + headers + "): " + body, e);
      }
    }
  }

  /** Sends {@code method target HTTP/1.1} with the given extra header lines, and reads the whole answer. */
  public static Reply send(int port, String method, String target, String... headerLines) {
    return sendJson(port, method, target, null, headerLines);
  }

  /**
   * With a JSON body (null: none). A {@code Host:} line among the headers replaces the default one:
   * java.net.http will not send a forged Host.
   */
  public static Reply sendJson(int port, String method, String target, String jsonBody, String... headerLines) {
    StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    boolean hostGiven = false;
    for (String line : headerLines) {
      request.append(line).append("\r\n");
      hostGiven |= line.regionMatches(true, 0, "Host:", 0, 5);
    }
    if (!hostGiven) {
      request.append("Host: localhost:").append(port).append("\r\n");
    }
    byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
    if (jsonBody != null) {
      request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // The server may close after answering a bad request before we finished sending: keep what came.
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Reply parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no HTTP answer: " + raw);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    String body = raw.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Reply(status, headers, body);
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
