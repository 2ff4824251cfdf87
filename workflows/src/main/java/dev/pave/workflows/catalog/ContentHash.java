package dev.pave.workflows.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over every file of a module folder, in the order of their relative paths (with '/'), so
 * the same files give the same hash on any machine. Each file contributes its path, its length and
 * its bytes, so moving bytes from one file to the next changes the hash.
 */
final class ContentHash {
  private ContentHash() {}

  static String of(Path dir) {
    MessageDigest sha256 = sha256();
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = walk.filter(Files::isRegularFile).toList();
      List<String> paths = files.stream().map(f -> relative(dir, f)).sorted().toList();
      try (OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
        for (String path : paths) {
          Path file = dir.resolve(path);
          digest.write((path + "\n" + Files.size(file) + "\n").getBytes(StandardCharsets.UTF_8));
          try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(digest);
          }
        }
      }
    } catch (IOException e) {
      throw new CatalogException(dir, "cannot be hashed: " + e.getMessage(), e);
    }
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
