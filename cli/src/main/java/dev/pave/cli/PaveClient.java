package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pave's HTTP API for the CLI. Transient trouble (connection refused or reset, timeouts, 502, 503,
 * 504, 429) is retried with {@link Backoff}; then the command ends with exit 11. Every other answer
 * maps to one exit code: 401/403/404 -> 9, 400/409/413/415/422 -> 10 (the message names the fields),
 * except a 422 whose errors name a policy (a hard-mandatory policy refused the request) -> 3.
 * Retrying a POST is safe because every request the CLI creates carries an Idempotency-Key.
 */
public final class PaveClient {

  private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);
  private static final Set<Integer> NOT_ALLOWED = Set.of(401, 403, 404);
  private static final Set<Integer> INVALID = Set.of(400, 409, 413, 415, 422);
  private static final String JSON = "application/json";
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final String base;
  private final Credentials credentials;
  private final Backoff backoff;
  private final Console console;
  private final boolean verbose;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  public PaveClient(String url, Credentials credentials, Backoff backoff, Console console, boolean verbose) {
    this.base = url.replaceAll("/+$", "");
    this.credentials = credentials;
    this.backoff = backoff;
    this.console = console;
    this.verbose = verbose;
  }

  public JsonNode get(String path) {
    return json(send("GET", path, null, Map.of("Accept", JSON), Duration.ofSeconds(30)));
  }

  public JsonNode post(String path, JsonNode body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Accept", JSON);
    return json(send("POST", path, body.toString(), all, Duration.ofSeconds(30)));
  }

  /** A long download (the audit export): the caller reads the stream; errors map as for JSON calls. */
  public InputStream download(String path, Duration timeout) {
    HttpResponse<InputStream> response = send("GET", path, null, Map.of("Accept", "*/*"), timeout);
    if (response.statusCode() / 100 != 2) {
      json(response);
    }
    return response.body();
  }

  private HttpResponse<InputStream> send(String method, String path, String body, Map<String, String> headers,
      Duration timeout) {
    URI uri = URI.create(base + path);
    for (int attempt = 0; ; attempt++) {
      String trouble;
      Duration atLeast = Duration.ZERO;
      try {
        HttpResponse<InputStream> response = http.send(request(method, uri, body, headers, timeout),
            HttpResponse.BodyHandlers.ofInputStream());
        if (verbose) {
          console.err().println("pave: " + method + " " + uri + " -> " + response.statusCode());
        }
        if (response.statusCode() == 401 && credentials.renewAfterUnauthorized(this::exchangeOidc)) {
          response.body().close();
          attempt--;
          continue;
        }
        if (!TRANSIENT.contains(response.statusCode())) {
          return response;
        }
        response.body().close();
        trouble = "Pave answered " + response.statusCode();
        atLeast = retryAfter(response);
      } catch (ConnectException e) {
        trouble = "cannot connect to " + base;
      } catch (HttpTimeoutException e) {
        trouble = "no answer from " + base + " in time";
      } catch (IOException e) {
        trouble = "connection to " + base + " failed (" + e.getClass().getSimpleName() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliFailure(ExitCode.UNREACHABLE, "interrupted");
      }
      if (attempt >= backoff.retries()) {
        throw new CliFailure(ExitCode.UNREACHABLE, trouble + "; gave up after " + (attempt + 1) + " attempts");
      }
      Duration wait = max(backoff.delay(attempt), atLeast);
      console.err().printf("pave: %s; retry %d of %d in %.1f s%n", trouble, attempt + 1, backoff.retries(),
          wait.toMillis() / 1000.0);
      try {
        console.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliFailure(ExitCode.UNREACHABLE, "interrupted");
      }
    }
  }

  private HttpRequest request(String method, URI uri, String body, Map<String, String> headers, Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Authorization", credentials.authorizationHeader(this::exchangeOidc));
    headers.forEach(builder::header);
    if (body == null) {
      return builder.GET().build();
    }
    return builder.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  /** POST /v1/auth/oidc with no Authorization header: the OIDC token travels in the body only. */
  private JsonNode exchangeOidc(String body) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/auth/oidc"))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (verbose) {
        console.err().println("pave: POST " + base + "/v1/auth/oidc -> " + response.statusCode());
      }
      JsonNode answer = response.statusCode() / 100 == 2 ? Json.parse(response.body()) : null;
      return answer == null ? Json.object() : answer;
    } catch (IOException e) {
      return Json.object();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Json.object();
    }
  }

  private static JsonNode json(HttpResponse<InputStream> response) {
    String text;
    try (InputStream body = response.body()) {
      text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure(ExitCode.UNREACHABLE, "the connection broke while reading Pave's answer");
    }
    int status = response.statusCode();
    JsonNode parsed = Json.parse(text);
    if (status / 100 == 2) {
      if (parsed == null) {
        throw new CliFailure(ExitCode.UNREACHABLE, "Pave answered " + status + " with something that is not JSON");
      }
      return parsed;
    }
    String message = describe(status, parsed);
    if (NOT_ALLOWED.contains(status)) {
      throw new CliFailure(ExitCode.NOT_ALLOWED, message, parsed);
    }
    if (status == 422 && refusedByPolicy(parsed)) {
      // A hard-mandatory policy refused it at the door: the same outcome as a run it denies.
      throw new CliFailure(ExitCode.DENIED, message, parsed);
    }
    if (INVALID.contains(status)) {
      throw new CliFailure(ExitCode.INVALID_REQUEST, message, parsed);
    }
    throw new CliFailure(ExitCode.UNREACHABLE, message, parsed);
  }

  private static boolean refusedByPolicy(JsonNode error) {
    if (error == null || !error.path("errors").isArray()) {
      return false;
    }
    for (JsonNode entry : error.get("errors")) {
      if (entry.hasNonNull("policy")) {
        return true;
      }
    }
    return false;
  }

  /** "Pave answered 422: inputs do not match the module (inputs.database_name: is required)". */
  private static String describe(int status, JsonNode error) {
    StringBuilder text = new StringBuilder("Pave answered ").append(status);
    if (error != null && error.hasNonNull("message")) {
      text.append(": ").append(error.get("message").asText());
    }
    if (error != null && error.path("errors").isArray() && !error.path("errors").isEmpty()) {
      text.append(" (");
      for (int i = 0; i < error.get("errors").size(); i++) {
        JsonNode field = error.get("errors").get(i);
        text.append(i == 0 ? "" : "; ").append(field.path("field").asText("?")).append(": ")
            // A policy's message is already the answer's message: name the policy, not the text twice.
            .append(field.hasNonNull("policy") ? "refused by policy " + field.get("policy").asText()
                : field.path("message").asText(""));
      }
      text.append(")");
    }
    return text.toString();
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    try {
      return response.headers().firstValue("Retry-After").map(Long::parseLong).map(Duration::ofSeconds)
          .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d).orElse(Duration.ZERO);
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

}
