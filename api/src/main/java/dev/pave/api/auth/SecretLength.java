package dev.pave.api.auth;

/**
 * A configured secret that guards the whole installation (the first admin token, the scrape
 * token) is long enough not to be guessed: 32 characters or more, else Pave does not start. The
 * message names the setting and never the value.
 */
public final class SecretLength {

  public static final int MINIMUM = 32;

  private SecretLength() {}

  /** {@code setting} as the operator wrote it, e.g. "adminToken (PAVE_ADMIN_TOKEN)"; null or blank values pass (unset). */
  public static void require(String setting, String value) {
    if (value != null && !value.isBlank() && value.trim().length() < MINIMUM) {
      throw new IllegalStateException(setting + " is shorter than " + MINIMUM + " characters; use a random one,"
          + " e.g. generated with: openssl rand -hex 24");
    }
  }
}
