package dev.pave.workflows.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for what Pave keeps at rest: plan files and sensitive outputs. The context
 * (a request id, a workspace name) is authenticated data, so a sealed plan cannot be swapped
 * onto another request without the open failing.
 *
 * <p>Keys rotate: data is always sealed with the current key, and opens with the current key or
 * any previous one still configured, so a new key can be rolled out while what the old one
 * sealed is still read; {@link #resealed} moves such data onto the current key.
 */
public final class SecretBox {

  private static final byte FORMAT_V1 = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final List<SecretKeySpec> previousKeys;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(byte[] key) {
    this(key, List.of());
  }

  /** Seals with {@code key}; opens with it or, for data sealed before a rotation, with a previous key. */
  public SecretBox(byte[] key, List<byte[]> previousKeys) {
    this.key = aesKey(key);
    this.previousKeys = previousKeys.stream().map(SecretBox::aesKey).toList();
  }

  public static SecretBox fromBase64(String key) {
    return new SecretBox(Base64.getDecoder().decode(key.trim()));
  }

  /** This box, also opening what the given previous keys (base64 of 32 bytes each) sealed. */
  public SecretBox withPreviousKeys(List<String> base64Keys) {
    return new SecretBox(key.getEncoded(), base64Keys.stream().map(k -> Base64.getDecoder().decode(k.trim())).toList());
  }

  public boolean hasPreviousKeys() {
    return !previousKeys.isEmpty();
  }

  private static SecretKeySpec aesKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the encryption key must be 32 bytes (base64 of 32 random bytes)");
    }
    return new SecretKeySpec(key.clone(), "AES");
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
    Optional<byte[]> plain = openWith(key, sealed, context);
    for (int i = 0; plain.isEmpty() && i < previousKeys.size(); i++) {
      plain = openWith(previousKeys.get(i), sealed, context);
    }
    return plain.orElseThrow(() -> new IllegalStateException(
        "sealed data does not open with this key and context (tampered, or another key)"));
  }

  /**
   * Data sealed with a previous key, sealed again with the current one; empty when it is already
   * sealed with the current key. Throws like {@link #open} when no configured key opens it.
   */
  public Optional<byte[]> resealed(byte[] sealed, String context) {
    if (openWith(key, sealed, context).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(seal(open(sealed, context), context));
  }

  private static Optional<byte[]> openWith(SecretKeySpec key, byte[] sealed, String context) {
    if (sealed.length < 1 + NONCE_BYTES || sealed[0] != FORMAT_V1) {
      throw new IllegalStateException("sealed data has an unknown format");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return Optional.of(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
    } catch (javax.crypto.AEADBadTagException wrongKeyOrTampered) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt: " + e.getClass().getSimpleName());
    }
  }
}
