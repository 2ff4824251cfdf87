package dev.pave.api.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * One HTTP attempt of a delivery. The target is checked right before connecting: the JVM caches
 * what it resolved (networkaddress.cache.ttl, 30 s by default), so the connection that follows
 * the check goes to an address the check saw. Redirects are never followed (a 3xx is a failed
 * attempt), and errors are described without the URL, whose path may be a credential (Slack's).
 */
final class WebhookSender {

  /** What came of an attempt: a status code, or an error text (then the code is null). */
  record Answer(Integer httpStatus, String error) {
    boolean delivered() {
      return httpStatus != null && httpStatus / 100 == 2;
    }

    boolean gone() {
      return httpStatus != null && httpStatus == 410;
    }
  }

  private final DeliveryTargetGuard guard;
  private final Duration timeout;
  private final HttpClient http;

  WebhookSender(DeliveryTargetGuard guard, Duration timeout) {
    this.guard = guard;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .build();
  }

  Answer send(String url, String messageId, long timestampSeconds, String body, List<byte[]> keys) {
    DeliveryTargetGuard.Target target;
    try {
      target = guard.check(url);
    } catch (DeliveryTargetGuard.Refused refused) {
      return new Answer(null, "refused: " + refused.getMessage());
    }
    HttpRequest request = HttpRequest.newBuilder(target.uri())
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Pave-Webhooks/1")
        .header("webhook-id", messageId)
        .header("webhook-timestamp", Long.toString(timestampSeconds))
        .header("webhook-signature", StandardWebhookSignature.header(messageId, timestampSeconds, body, keys))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return new Answer(status, status / 100 == 2 ? null : "HTTP " + status);
    } catch (HttpConnectTimeoutException e) {
      return new Answer(null, "could not connect within " + timeout.toMillis() + " ms");
    } catch (HttpTimeoutException e) {
      return new Answer(null, "no answer within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return new Answer(null, "connection refused or unreachable");
    } catch (IOException e) {
      return new Answer(null, "connection failed (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(null, "interrupted");
    }
  }
}
