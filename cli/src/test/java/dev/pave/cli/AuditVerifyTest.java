package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.audit.AuditRecord;
import dev.pave.api.audit.CanonicalJson;
import dev.pave.api.audit.Checkpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `pave audit verify --expect-checkpoint SEQ:HASH`: an export whose tail was cut together with
 * its checkpoints is still consistent and signed; only the checkpoint an auditor saved earlier
 * tells that the chain used to reach further, or had another event at that seq.
 */
class AuditVerifyTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  KeyPair pave;
  String publicKey;

  @BeforeEach
  void key() throws GeneralSecurityException {
    pave = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    publicKey = Base64.getEncoder().encodeToString(pave.getPublic().getEncoded());
  }

  @Test
  void anIntactExportReachesTheSavedCheckpoint() throws Exception {
    List<AuditRecord> chain = chain(List.of(), 6, "original");
    Path export = export("intact.jsonl", chain, 6);
    assertThat(verify(export, "6:" + chain.get(5).hash())).as(text()).isEqualTo(ExitCode.SUCCEEDED);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("valid: 6 events")
        .contains("reaches the expected checkpoint 6");
    out.reset();
    assertThat(verify(export, "3:" + chain.get(2).hash())).as("an older saved checkpoint").isEqualTo(ExitCode.SUCCEEDED);
  }

  @Test
  void anExportCutWithItsCheckpointsFailsAgainstTheSavedOne() throws Exception {
    List<AuditRecord> chain = chain(List.of(), 6, "original");
    Path cut = export("cut.jsonl", chain.subList(0, 4), 4);
    assertThat(verify(cut, null)).as("without the saved checkpoint the cut is invisible: " + text())
        .isEqualTo(ExitCode.SUCCEEDED);
    out.reset();
    assertThat(verify(cut, "6:" + chain.get(5).hash())).isEqualTo(ExitCode.FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("BROKEN at event 5:")
        .contains("ends at 4").contains("checkpoint 6").contains("cut");
  }

  @Test
  void anExportCutAndWrittenAgainFailsAtTheSavedSeq() throws Exception {
    List<AuditRecord> chain = chain(List.of(), 6, "original");
    List<AuditRecord> regrown = chain(chain.subList(0, 4), 3, "written again");
    Path rewritten = export("regrown.jsonl", regrown, 7);
    assertThat(verify(rewritten, null)).as(text()).isEqualTo(ExitCode.SUCCEEDED);
    out.reset();
    assertThat(verify(rewritten, "6:" + chain.get(5).hash())).isEqualTo(ExitCode.FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("BROKEN at event 6:")
        .contains("event 6 no longer has the hash");
  }

  @Test
  void anExportThatStartsAfterTheSavedCheckpointCannotConfirmIt() throws Exception {
    List<AuditRecord> chain = chain(List.of(), 6, "original");
    Path late = export("late.jsonl", chain.subList(2, 6), 6);
    assertThat(verify(late, "2:" + chain.get(1).hash())).isEqualTo(ExitCode.FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("NOT VERIFIED:").contains("start at 3")
        .contains("--since");
  }

  @Test
  void aMalformedSavedCheckpointIsAUsageError() throws Exception {
    Path export = export("intact.jsonl", chain(List.of(), 2, "original"), 2);
    for (String bad : List.of("6", "six:sha256:" + "a".repeat(64), "6:md5:abc", "0:sha256:" + "a".repeat(64))) {
      err.reset();
      assertThat(verify(export, bad)).as(bad).isEqualTo(ExitCode.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8)).as(bad).contains("--expect-checkpoint").contains("SEQ:HASH");
    }
  }

  private int verify(Path export, String expected) {
    List<String> args = new ArrayList<>(List.of("audit", "verify", export.toString(), "--public-key", publicKey));
    if (expected != null) {
      args.addAll(List.of("--expect-checkpoint", expected));
    }
    Console console = new Console(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), duration -> { });
    return Pave.run(args.toArray(String[]::new), console);
  }

  private String text() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  /** {@code start} followed by {@code count} new events chained onto it, as AuditLog chains them. */
  private static List<AuditRecord> chain(List<AuditRecord> start, int count, String note) {
    List<AuditRecord> chain = new ArrayList<>(start);
    for (int i = 0; i < count; i++) {
      AuditRecord previous = chain.isEmpty() ? null : chain.get(chain.size() - 1);
      long seq = previous == null ? 1 : previous.seq() + 1;
      ObjectNode details = CanonicalJson.mapper().createObjectNode().put("note", note);
      AuditRecord unhashed = new AuditRecord(seq, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(seq), "tok_1",
          "ana", "platform", "approver", "approval.decided", "req_" + seq, details,
          previous == null ? null : previous.hash(), null);
      chain.add(new AuditRecord(seq, unhashed.at(), "tok_1", "ana", "platform", "approver", "approval.decided",
          "req_" + seq, details, unhashed.prevHash(), unhashed.computedHash()));
    }
    return chain;
  }

  /** The events, then a checkpoint Pave's key signed at {@code signedSeq}, as GET /v1/audit/export writes them. */
  private Path export(String name, List<AuditRecord> events, long signedSeq) throws Exception {
    List<String> lines = new ArrayList<>();
    String signedHash = null;
    for (AuditRecord event : events) {
      lines.add(CanonicalJson.mapper().createObjectNode().set("event", event.json()).toString());
      if (event.seq() == signedSeq) {
        signedHash = event.hash();
      }
    }
    Instant at = Instant.parse("2026-12-02T00:00:00Z");
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pave.getPrivate());
    signer.update(Checkpoint.message(signedSeq, signedHash, at));
    Checkpoint checkpoint = new Checkpoint(signedSeq, signedHash, at, publicKey,
        Base64.getEncoder().encodeToString(signer.sign()));
    lines.add(CanonicalJson.mapper().createObjectNode().set("checkpoint", checkpoint.json()).toString());
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }
}
