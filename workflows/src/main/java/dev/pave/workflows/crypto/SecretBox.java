package dev.pave.workflows.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for what Pave keeps at rest: plan files and sensitive outputs. The context
 * (a request id, a workspace name) is authenticated data, so a sealed plan cannot be swapped
 * onto another request without the open failing.
 */
public final class SecretBox {

  private static final byte FORMAT_V1 = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the encryption key must be 32 bytes (base64 of 32 random bytes)");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  public static SecretBox fromBase64(String key) {
    return new SecretBox(Base64.getDecoder().decode(key.trim()));
  }

  public static String newKeyBase64() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  public byte[] seal(byte[] plain, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT_V1).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt: " + e.getClass().getSimpleName(), e);
    }
  }

  public byte[] open(byte[] sealed, String context) {
    if (sealed.length < 1 + NONCE_BYTES || sealed[0] != FORMAT_V1) {
      throw new IllegalStateException("sealed data has an unknown format");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealed data does not open with this key and context (tampered, or another key)");
    }
  }
}
