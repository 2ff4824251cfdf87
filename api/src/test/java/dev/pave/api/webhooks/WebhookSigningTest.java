package dev.pave.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.workflows.crypto.SecretBox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification computes them, and which secrets sign when. */
class WebhookSigningTest {

  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void theSpecificationsExampleSignsToItsPublishedSignature() {
    // The example of the Standard Webhooks / Svix documentation, computed there, not here.
    byte[] key = WebhookSecrets.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    assertThat(StandardWebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}",
        List.of(key))).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aRotatedSecretSignsBesideTheNewOneUntilItsGraceEndsAndNeverAfter() {
    SecretBox box = new SecretBox(new byte[32]);
    WebhookSecrets secrets = new WebhookSecrets(box);
    String current = WebhookSecrets.newSecret();
    String previous = WebhookSecrets.newSecret();
    WebhookEndpointRow rotated = new WebhookEndpointRow("whk_1", "payments", "https://example.com/",
        new String[] {"request.failed"}, "standard", secrets.seal("whk_1", current), secrets.seal("whk_1", previous),
        NOW.plus(Duration.ofHours(24)), "tok_1", NOW.minusSeconds(60), NOW, null, null);

    assertThat(secrets.signingKeys(rotated, NOW)).containsExactly(WebhookSecrets.key(current), WebhookSecrets.key(previous));
    assertThat(secrets.signingKeys(rotated, NOW.plus(Duration.ofHours(24)))).containsExactly(WebhookSecrets.key(current));
    assertThat(WebhookSecrets.key(current)).hasSize(32);
  }
}
