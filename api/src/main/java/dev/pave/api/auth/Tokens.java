package dev.pave.api.auth;

import dev.pave.workflows.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API tokens: 32 random bytes with a recognisable prefix (so secret scanners can spot a leaked
 * one). Only the SHA-256 is stored: the tokens are random, so a slow hash would add nothing.
 */
public final class Tokens {

  public static final String PREFIX = "pave_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  public static String newToken() {
    return PREFIX + randomSecret();
  }

  /** 32 bytes from SecureRandom, base64url without padding (43 characters): tokens and session ids. */
  public static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    return Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
  }
}
