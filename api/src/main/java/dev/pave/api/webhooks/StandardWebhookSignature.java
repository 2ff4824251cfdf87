package dev.pave.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification:
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, one per signing key, space separated
 * (receivers accept the delivery if any one verifies, which is what makes rotation smooth).
 */
public final class StandardWebhookSignature {

  private StandardWebhookSignature() {}

  public static String header(String messageId, long timestampSeconds, String body, List<byte[]> keys) {
    String signed = messageId + "." + timestampSeconds + "." + body;
    return keys.stream().map(key -> "v1," + hmac(key, signed)).collect(Collectors.joining(" "));
  }

  private static String hmac(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
