package dev.pave.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A real HTTP client for Pave's API, as a CI job or a developer's script would call it. */
public final class HttpApi {

  private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "denied", "rejected", "cancelled", "expired");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public HttpApi(int port) {
    this.base = "http://localhost:" + port;
  }

  public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Reply get(String token, String path) {
    return send(token, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply post(String token, String path, Object body) {
    return postRaw(token, path, body instanceof String s ? s : write(body), null);
  }

  public Reply postRaw(String token, String path, String body, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(token, request);
  }

  public Reply delete(String token, String path) {
    return send(token, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  /** Polls a request until it reaches a terminal status. */
  public JsonNode awaitTerminal(String token, String requestId, Duration timeout) {
    return await(token, requestId, timeout, "a terminal status", s -> TERMINAL.contains(s));
  }

  /** Polls a request until it reaches the given status. */
  public JsonNode awaitStatus(String token, String requestId, String status, Duration timeout) {
    return await(token, requestId, timeout, status, status::equals);
  }

  private JsonNode await(String token, String requestId, Duration timeout, String what,
      java.util.function.Predicate<String> reached) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode request;
    do {
      request = get(token, "/v1/requests/" + requestId).body();
      if (reached.test(request.path("status").asText())) {
        return request;
      }
      sleep(100);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("request " + requestId + " did not reach " + what + " within " + timeout + ": " + request);
  }

  private Reply send(String token, HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new AssertionError("HTTP call failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
