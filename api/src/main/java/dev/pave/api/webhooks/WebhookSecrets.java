package dev.pave.api.webhooks;

import dev.pave.workflows.crypto.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Endpoint secrets: {@code whsec_<base64 of 32 random bytes>} as Standard Webhooks names them,
 * stored only sealed with Pave's key (bound to the endpoint's id, so a sealed secret cannot be
 * moved onto another endpoint), opened only to sign a delivery.
 */
public final class WebhookSecrets {

  static final String PREFIX = "whsec_";
  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretBox box;

  public WebhookSecrets(SecretBox box) {
    this.box = box;
  }

  public static String newSecret() {
    byte[] key = new byte[BYTES];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  public byte[] seal(String endpointId, String secret) {
    return box.seal(secret.getBytes(StandardCharsets.UTF_8), context(endpointId));
  }

  /** The keys that sign the endpoint's deliveries now: its secret, and the one before a rotation during its grace. */
  public List<byte[]> signingKeys(WebhookEndpointRow endpoint, Instant now) {
    List<byte[]> keys = new ArrayList<>();
    keys.add(key(open(endpoint.id(), endpoint.sealedSecret())));
    if (endpoint.sealedPreviousSecret() != null && endpoint.previousSecretUntil() != null
        && now.isBefore(endpoint.previousSecretUntil())) {
      keys.add(key(open(endpoint.id(), endpoint.sealedPreviousSecret())));
    }
    return keys;
  }

  /** The HMAC key of a secret: the bytes its base64 part decodes to (what receivers' libraries use). */
  static byte[] key(String secret) {
    return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
  }

  private String open(String endpointId, byte[] sealed) {
    return new String(box.open(sealed, context(endpointId)), StandardCharsets.UTF_8);
  }

  private static String context(String endpointId) {
    return "webhook-secret:" + endpointId;
  }
}
