package dev.pave.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
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

  public static Verification verify(Path export, List<PublicKey> trustedKeys) throws IOException {
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
    ChainVerifier verifier = new ChainVerifier(trustedKeys, checkpoints);
    try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode node = parse(line);
        if (node != null && node.has("event") && !verifier.accept(AuditRecord.fromJson(node.get("event")))) {
          break;
        }
      }
    }
    return verifier.result();
  }

  private static JsonNode parse(String line) throws IOException {
    return line.isBlank() ? null : CanonicalJson.mapper().readTree(line);
  }
}
