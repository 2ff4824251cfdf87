package dev.pave.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pave's pages over real HTTP as a browser sends them: form posts with the page's own Origin
 * (unless a test says otherwise), cookies by hand, redirects not followed.
 */
public final class BrowserHttp {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  public BrowserHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  /** The origin a browser on Pave's own pages sends. */
  public String origin() {
    return base;
  }

  public HttpResponse<String> get(String path, String cookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request);
  }

  /** A form posted from Pave's own page (Origin: Pave). */
  public HttpResponse<String> post(String path, String form, String cookie) {
    return post(path, form, cookie, Map.of("Origin", base));
  }

  /** A form post with exactly the given extra headers (e.g. another site's Origin, or none). */
  public HttpResponse<String> post(String path, String form, String cookie, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    headers.forEach(request::header);
    return send(request);
  }

  /** The dashboard's sign-in form, posted from Pave's own page. */
  public HttpResponse<String> signIn(String token) {
    return post("/dashboard", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null);
  }

  /** The portal's sign-in form (POST /session), posted from Pave's own page. */
  public HttpResponse<String> signInToPortal(String token) {
    return post("/session", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null);
  }

  /** "name=value" of the Set-Cookie header that sets {@code name}, ready for a Cookie header. */
  public static Optional<String> cookie(HttpResponse<?> response, String name) {
    return setCookies(response).stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.split(";", 2)[0]).findFirst();
  }

  /** The whole Set-Cookie header (value and attributes) for {@code name}. */
  public static Optional<String> setCookie(HttpResponse<?> response, String name) {
    return setCookies(response).stream().filter(c -> c.startsWith(name + "=")).findFirst();
  }

  public static List<String> setCookies(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
