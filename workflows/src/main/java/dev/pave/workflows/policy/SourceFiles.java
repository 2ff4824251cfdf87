package dev.pave.workflows.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small facts about policy and test files: their text, their hash, their base name. */
final class SourceFiles {
  private SourceFiles() {}

  /** Strict UTF-8: a mangled byte would otherwise turn silently into a replacement character. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("file is not valid UTF-8");
    }
  }

  /** The hash recorded with every evaluation, so auditors know which version of a policy ran. */
  static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@code cost-ceiling} for {@code policies/cost-ceiling.yaml} and suffix {@code .yaml}. */
  static String stem(Path file, String suffix) {
    String name = file.getFileName().toString();
    return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
  }
}
