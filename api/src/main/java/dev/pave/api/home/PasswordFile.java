package dev.pave.api.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A generated password kept in a 0600 file under PAVE_HOME. Created at the first start; an
 * operator rotates it by writing a new value (or deleting the file: a new one is generated), and
 * Pave sets it on the server at the next start.
 */
public final class PasswordFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordFile() {}

  /** The password in {@code file}, created with a new random one if missing or empty. */
  public static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!password.isEmpty()) {
          Files.setPosixFilePermissions(file, PrivateFiles.FILE);
          return password;
        }
        Files.delete(file);
      }
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      PrivateFiles.writeNew(file, password);
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the password file " + file, e);
    }
  }
}
