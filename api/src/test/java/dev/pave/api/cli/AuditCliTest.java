package dev.pave.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `pave audit export` from a running Pave, then `pave audit verify` on the file alone: valid as
 * exported; broken when one event is altered, when the tail is cut past a checkpoint, or when the
 * key is not Pave's.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditCliTest {

  static final DropwizardAppExtension<PaveConfiguration> APP =
      PaveTestApp.embedded(ConfigOverride.config("audit.checkpointEvery", "3"));
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anExportVerifiesOfflineAndAnyChangeToItIsFound(@TempDir Path dir) throws Exception {
    HttpApi api = new HttpApi(APP.getLocalPort());
    for (int i = 0; i < 4; i++) {
      assertThat(api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", "aud-" + i, "team", "compliance",
          "role", "auditor")).status()).isEqualTo(201);
    }
    awaitCheckpointAtHead(api);
    String url = "http://localhost:" + APP.getLocalPort();
    Path export = dir.resolve("audit.jsonl");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    assertThat(AuditCommand.export(url, PaveTestApp.ADMIN_TOKEN, "30d", export, print(console))).isTrue();
    List<String> lines = Files.readAllLines(export);
    assertThat(lines).anyMatch(l -> l.startsWith("{\"event\"")).anyMatch(l -> l.startsWith("{\"checkpoint\""));
    String key = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit/public-key").body().get("pem").asText();
    Path keyFile = dir.resolve("pave-audit.pem");
    Files.writeString(keyFile, key);

    assertThat(verify(export, keyFile.toString())).startsWith("valid: ");

    // One event altered: its recomputed hash differs.
    List<String> altered = new ArrayList<>(lines);
    int index = indexOfEvent(lines, "token.issued");
    ObjectNode line = (ObjectNode) JSON.readTree(altered.get(index));
    ((ObjectNode) line.get("event").get("details")).put("name", "forged-" + line.at("/event/details/name").asText());
    altered.set(index, JSON.writeValueAsString(line));
    long alteredSeq = line.at("/event/seq").asLong();
    Path alteredFile = dir.resolve("altered.jsonl");
    Files.write(alteredFile, altered);
    assertThat(verify(alteredFile, keyFile.toString())).startsWith("BROKEN at event " + alteredSeq + ":");

    // The tail cut past the last checkpoint: its signed head is missing.
    JsonNode lastCheckpoint = JSON.readTree(lines.get(lines.size() - 1)).get("checkpoint");
    long signed = lastCheckpoint.get("seq").asLong();
    List<String> cut = lines.stream().filter(l -> !l.startsWith("{\"event\"") || seqOf(l) < signed).toList();
    Path cutFile = dir.resolve("cut.jsonl");
    Files.write(cutFile, cut);
    assertThat(verify(cutFile, keyFile.toString())).startsWith("BROKEN at event " + signed + ":").contains("cut");

    // The tail cut with its checkpoints too: consistent and signed, found only by the checkpoint
    // an auditor saved from the first export.
    String saved = signed + ":" + lastCheckpoint.get("headHash").asText();
    assertThat(verify(export, keyFile.toString(), saved)).startsWith("valid: ")
        .contains("reaches the expected checkpoint " + signed);
    List<String> cutWithCheckpoints = cut.stream()
        .filter(l -> !l.startsWith("{\"checkpoint\"") || checkpointSeqOf(l) < signed).toList();
    Path quietCut = dir.resolve("quiet-cut.jsonl");
    Files.write(quietCut, cutWithCheckpoints);
    assertThat(verify(quietCut, keyFile.toString())).startsWith("valid: ");
    assertThat(verify(quietCut, keyFile.toString(), saved)).startsWith("BROKEN at event " + signed + ":")
        .contains("cut");

    // Another key: its checkpoints vouch for nothing.
    String otherKey = dev.pave.api.audit.CheckpointKey.base64(dev.pave.api.audit.CheckpointKey
        .load(null, List.of(), dir, true).publicKey());
    assertThat(verify(export, otherKey)).startsWith("BROKEN");

    // A bad window is Pave's 422, said plainly; nothing is written.
    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    Path none = dir.resolve("none.jsonl");
    assertThat(AuditCommand.export(url, PaveTestApp.ADMIN_TOKEN, "lately", none, print(refused))).isFalse();
    assertThat(refused.toString(StandardCharsets.UTF_8)).startsWith("Pave answered 422").contains("since");
    assertThat(none).doesNotExist();
  }

  private static void awaitCheckpointAtHead(HttpApi api) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode verified = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit/verify").body();
      if (!verified.get("lastCheckpoint").isNull()
          && verified.at("/lastCheckpoint/seq").asLong() == verified.get("events").asLong()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no checkpoint reached the head");
  }

  private static String verify(Path file, String key) throws Exception {
    return verify(file, key, null);
  }

  private static String verify(Path file, String key, String expectedCheckpoint) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditCommand.verify(file.toString(), List.of(key), expectedCheckpoint, print(out));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int indexOfEvent(List<String> lines, String action) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"action\":\"" + action + "\"")) {
        return i;
      }
    }
    throw new AssertionError("no " + action + " in the export");
  }

  private static long checkpointSeqOf(String line) {
    try {
      return JSON.readTree(line).at("/checkpoint/seq").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long seqOf(String line) {
    try {
      return JSON.readTree(line).at("/event/seq").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
