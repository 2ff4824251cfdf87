package dev.pave.api.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP attempt of a delivery. The target is checked right before connecting, and the
 * connection goes to exactly the addresses that check resolved and saw ({@link PinnedResolver}):
 * the name is looked up once, so it cannot resolve elsewhere between the check and the connect
 * (DNS rebinding). The Host header, TLS SNI and certificate checks still use the URL's host name.
 * Redirects are never followed (a 3xx is a failed attempt), and errors are described without the
 * URL, whose path may be a credential (Slack's).
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

  private static final ContentType JSON = ContentType.create("application/json");

  private final DeliveryTargetGuard guard;
  private final Duration timeout;

  WebhookSender(DeliveryTargetGuard guard, Duration timeout) {
    this.guard = guard;
    this.timeout = timeout;
  }

  Answer send(String url, String messageId, long timestampSeconds, String body, List<byte[]> keys) {
    DeliveryTargetGuard.Target target;
    try {
      target = guard.check(url);
    } catch (DeliveryTargetGuard.Refused refused) {
      return new Answer(null, "refused: " + refused.getMessage());
    }
    HttpPost post = new HttpPost(target.uri());
    post.setHeader("User-Agent", "Pave-Webhooks/1");
    post.setHeader("webhook-id", messageId);
    post.setHeader("webhook-timestamp", Long.toString(timestampSeconds));
    post.setHeader("webhook-signature", StandardWebhookSignature.header(messageId, timestampSeconds, body, keys));
    post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
    try (CloseableHttpClient http = clientFor(target)) {
      int status = http.execute(post, response -> response.getCode());
      return new Answer(status, status / 100 == 2 ? null : "HTTP " + status);
    } catch (ConnectTimeoutException e) {
      return new Answer(null, "could not connect within " + timeout.toMillis() + " ms");
    } catch (SocketTimeoutException e) {
      return new Answer(null, "no answer within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return new Answer(null, "connection refused or unreachable");
    } catch (IOException e) {
      return new Answer(null, "connection failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A client for one attempt, whose only DNS is the checked target's addresses; closed with the attempt. */
  private CloseableHttpClient clientFor(DeliveryTargetGuard.Target target) {
    Timeout limit = Timeout.of(timeout);
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new PinnedResolver(target.host(), target.addresses()))
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
                .build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setRedirectsEnabled(false).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .build();
  }
}
