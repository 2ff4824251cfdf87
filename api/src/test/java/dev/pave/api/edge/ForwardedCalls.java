package dev.pave.api.edge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * API calls as they reach Pave through a proxy: each with the X-Forwarded-For value a proxy (or a
 * client pretending) would send. The values are header strings only: no traffic goes to them.
 */
final class ForwardedCalls {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  ForwardedCalls(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** GET /v1/modules with a bearer token and, unless null, an X-Forwarded-For header. */
  HttpResponse<String> get(String token, String forwardedFor) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/modules")).GET()
        .header("Authorization", "Bearer " + token);
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int status(String token, String forwardedFor) {
    return get(token, forwardedFor).statusCode();
  }
}
