package dev.pave.api.wiring;

import dev.pave.workflows.crypto.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The key that seals plans and sensitive outputs. Configured (every process of a cluster needs
 * the same one), or, on a single machine, generated once into {home}/secret.key, readable by
 * its owner only.
 */
final class EncryptionKey {

  private EncryptionKey() {}

  /** The current key, also opening what the previous keys of a rotation sealed (see docs/security.md). */
  static SecretBox load(String configured, List<String> previous, Path home, boolean singleMachine) {
    SecretBox current = load(configured, home, singleMachine);
    try {
      return previous.isEmpty() ? current : current.withPreviousKeys(previous);
    } catch (IllegalArgumentException e) {
      // Never the value itself: it is a key.
      throw new IllegalStateException("previousEncryptionKeys holds a value that is not a base64-encoded 32-byte key");
    }
  }

  private static SecretBox load(String configured, Path home, boolean singleMachine) {
    if (configured != null && !configured.isBlank()) {
      try {
        return SecretBox.fromBase64(configured);
      } catch (IllegalArgumentException e) {
        // Never the value itself: it is the key (or a typo of it).
        throw new IllegalStateException("encryptionKey (or PAVE_ENCRYPTION_KEY) is not a base64-encoded 32-byte key."
            + " Generate one with: head -c 32 /dev/urandom | base64");
      }
    }
    if (!singleMachine) {
      throw new IllegalStateException("encryptionKey (or PAVE_ENCRYPTION_KEY) must be set when Pave runs as a cluster:"
          + " every server and worker must share it. Generate one with: head -c 32 /dev/urandom | base64");
    }
    Path file = home.resolve("secret.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(home);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, SecretBox.newKeyBase64(), StandardCharsets.US_ASCII);
      }
      return SecretBox.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the encryption key " + file, e);
    }
  }
}
