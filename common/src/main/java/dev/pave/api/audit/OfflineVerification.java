package dev.pave.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies an export (JSON Lines of {"event"} and {"checkpoint"}) with nothing but the file and
 * the public key: no Pave, no database. Same walk as GET /v1/audit/verify ({@link ChainVerifier}).
 */
public final class OfflineVerification {

  private OfflineVerification() {}

  public static Verification verify(Path export, List<PublicKey> trustedKeys, List<Anchor> anchors)
      throws IOException {
    // Checkpoints come after the events in an export; read them first so the walk can meet them.
    List<Checkpoint> checkpoints = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode node = parse(line);
        if (node != null && node.has("checkpoint")) {
          checkpoints.add(Checkpoint.fromJson(node.get("checkpoint")));
        }
      }
    }
    ChainVerifier verifier = new ChainVerifier(trustedKeys, checkpoints, anchors);
    try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode node = parse(line);
        if (node != null && node.has("event")) {
          verifier.accept(AuditRecord.fromJson(node.get("event")));
        }
      }
    }
    return verifier.result();
  }

  /**
   * `pave audit verify FILE --public-key KEY... [--expect-checkpoint SEQ:HASH]` as both the server
   * jar and the CLI run it: prints one line (valid, or where the chain broke) and answers whether
   * the export is valid and, when an auditor's saved checkpoint is given, still reaches it.
   */
  public static boolean check(String file, List<String> keyArguments, String expectedCheckpoint, PrintStream console)
      throws IOException {
    if (file == null) {
      throw new IllegalArgumentException("which file? pave audit verify FILE --public-key KEY");
    }
    if (keyArguments == null || keyArguments.isEmpty()) {
      throw new IllegalArgumentException("--public-key is required: the key from GET /v1/audit/public-key, "
          + "obtained from a source you trust");
    }
    List<Anchor> expected = expectedCheckpoint == null ? List.of() : List.of(Anchor.parse(expectedCheckpoint));
    Verification result = verify(Path.of(file), AuditPublicKeys.fromArguments(keyArguments, "--public-key"), expected);
    if (result.valid()) {
      console.printf("valid: %d events%s%s%n", result.events(), result.lastCheckpoint() == null
          ? ", no checkpoint among them (nothing vouches for the chain's end)"
          : ", last checkpoint at " + result.lastCheckpoint().seq() + " signed " + result.lastCheckpoint().signedAt(),
          result.anchor() == null ? "" : "; reaches the expected checkpoint " + result.anchor().seq());
      return true;
    }
    if (result.firstBrokenEvent() == null) {
      console.printf("NOT VERIFIED: %s%n", result.reason());
    } else {
      console.printf("BROKEN at event %d: %s%n", result.firstBrokenEvent(), result.reason());
    }
    return false;
  }

  private static JsonNode parse(String line) throws IOException {
    return line.isBlank() ? null : CanonicalJson.mapper().readTree(line);
  }
}
