package dev.pave.api.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Ed25519 public keys as an auditor hands them over: base64 X.509, PEM, or a file holding either. */
public final class AuditPublicKeys {

  private AuditPublicKeys() {}

  /** A public key given as base64 X.509 or as PEM; source names the setting in the error. */
  public static PublicKey parse(String text, String source) {
    String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " is not an Ed25519 public key (base64 X.509 or PEM)");
    }
  }

  /** Each argument is a key or the path of a file holding one (the CLI's repeatable --public-key). */
  public static List<PublicKey> fromArguments(List<String> arguments, String option) throws IOException {
    List<PublicKey> keys = new ArrayList<>();
    for (String argument : arguments) {
      Path file = Path.of(argument);
      keys.add(parse(Files.isRegularFile(file) ? Files.readString(file) : argument, option));
    }
    return keys;
  }
}
