package dev.pave.api.support;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A fresh audit.signingKey for cluster-mode tests, which must configure one (docs/audit.md). */
public final class AuditSigningKeys {

  private AuditSigningKeys() {}

  public static String newKey() {
    try {
      return Base64.getEncoder().encodeToString(
          KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
