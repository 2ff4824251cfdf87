package dev.pave.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pave.api.support.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the database's owner and the runtime role can no longer do to the trail unseen: cut its
 * tail together with the checkpoints (the anchors outside the database remember), leave a gap,
 * or silence signing with a checkpoint row of their own (PostgreSQL refuses it at insert, and the
 * signer passes over any row no trusted key signed).
 */
class AuditAnchorTest {

  static EmbeddedPostgres postgres;
  static Jdbi jdbi;
  static CheckpointKey key;
  static CheckpointAnchors anchors;
  static AuditTrail trail;
  static Checkpointer signer;

  @BeforeAll
  static void database(@TempDir Path home) throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
    key = CheckpointKey.load(null, List.of(), home, true);
    anchors = new CheckpointAnchors(home);
    trail = new AuditTrail(jdbi, key, anchors, Clock.systemUTC());
    signer = new Checkpointer(jdbi, key, anchors, 1000, Duration.ofHours(1));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void empty() throws Exception {
    Files.deleteIfExists(anchors.file());
    asOwnerWithoutTriggers("TRUNCATE audit_events, audit_checkpoints");
  }

  @Test
  void aTailCutTogetherWithItsCheckpointsIsFoundByTheAnchors() {
    append(10);
    signNow();
    append(5);
    Checkpoint anchored = signNow();
    asOwnerWithoutTriggers("DELETE FROM audit_events WHERE seq > 12");
    asOwnerWithoutTriggers("DELETE FROM audit_checkpoints WHERE seq > 12");

    Verification cut = trail.verify();
    assertThat(cut.valid()).isFalse();
    assertThat(cut.firstBrokenEvent()).isEqualTo(13);
    assertThat(cut.cut()).isEqualTo(new Verification.Cut(15, anchored.headHash(), 12, CheckpointAnchors.SOURCE));
    assertThat(cut.reason()).contains("ends at 12").contains("checkpoint 15").contains("cut");

    // Pave goes on appending and signing after the cut: the chain passes seq 15 again, with
    // another event there, and the anchor signed before the cut still tells.
    append(5);
    signNow();
    Verification regrown = trail.verify();
    assertThat(regrown.valid()).isFalse();
    assertThat(regrown.cut().anchoredSeq()).isEqualTo(15);
    assertThat(regrown.cut().chainHeadSeq()).isEqualTo(17);
    assertThat(regrown.reason()).contains("event 15 no longer has the hash");
    assertThat(regrown.anchor().seq()).as("the newest anchor, signed after the cut").isEqualTo(17);
  }

  @Test
  void anIntactChainReachesItsAnchors() {
    append(4);
    Checkpoint anchored = signNow();
    append(2);
    Verification verification = trail.verify();
    assertThat(verification.valid()).as(verification.reason()).isTrue();
    assertThat(verification.cut()).isNull();
    assertThat(verification.anchor()).isEqualTo(new Anchor(4, anchored.headHash(), CheckpointAnchors.SOURCE));
  }

  @Test
  void eachCheckpointIsAppendedToAPrivateFileAndLoggedForAShipper() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(CheckpointAnchors.LOGGER);
    ListAppender<ILoggingEvent> shipped = new ListAppender<>();
    shipped.start();
    logger.addAppender(shipped);
    // The tests' logback sets the root to WARN; a deployment keeps this logger at INFO (docs/audit.md).
    ch.qos.logback.classic.Level level = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    try {
      append(3);
      Checkpoint first = signNow();
      append(3);
      Checkpoint second = signNow();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(anchors.file()))).isEqualTo("rw-------");
      List<String> lines = Files.readAllLines(anchors.file());
      assertThat(lines).hasSize(2);
      for (String line : lines) {
        Checkpoint anchored = Checkpoint.fromJson(CanonicalJson.mapper().readTree(line));
        assertThat(anchored.signatureValid(key.publicKey())).as(line).isTrue();
      }
      assertThat(lines.get(1)).contains("\"seq\":6").contains(second.headHash()).contains(second.signature());
      assertThat(shipped.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
          "audit checkpoint anchored seq=3 headHash=" + first.headHash() + " signedAt="
              + AuditRecord.AT.format(first.signedAt()) + " publicKey=" + first.publicKey() + " signature="
              + first.signature(),
          "audit checkpoint anchored seq=6 headHash=" + second.headHash() + " signedAt="
              + AuditRecord.AT.format(second.signedAt()) + " publicKey=" + second.publicKey() + " signature="
              + second.signature());
    } finally {
      logger.detachAppender(shipped);
      logger.setLevel(level);
    }
  }

  @Test
  void aCheckpointThatCannotBeAnchoredIsNotStoredEither() throws Exception {
    append(2);
    Files.createDirectory(anchors.file());
    try {
      assertThatThrownBy(() -> signer.signIfDue(true)).hasMessageContaining(CheckpointAnchors.FILE);
      long stored = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_checkpoints").mapTo(Long.class).one());
      assertThat(stored).isZero();
    } finally {
      Files.delete(anchors.file());
    }
    assertThat(signer.signIfDue(true)).isPresent();
  }

  @Test
  void postgresRefusesAGapAWrongPrevHashAndACheckpointOffTheHead() {
    append(3);
    AuditLog.Head head = jdbi.withHandle(h -> AuditLog.head(h).orElseThrow());
    assertThatThrownBy(() -> insertEvent(5, head.hash())).hasMessageContaining("gap");
    assertThatThrownBy(() -> insertEvent(4, "sha256:" + "0".repeat(64))).hasMessageContaining("prevHash");
    assertThatThrownBy(() -> insertCheckpoint(1_000_000, head.hash(), "c2lnbmF0dXJl"))
        .hasMessageContaining("current head");
    assertThatThrownBy(() -> insertCheckpoint(3, "sha256:" + "0".repeat(64), "c2lnbmF0dXJl"))
        .hasMessageContaining("current head");
    assertThatThrownBy(() -> insertCheckpoint(3, head.hash(), " ")).hasMessageContaining("no signature");
    assertThat(trail.verify().valid()).isTrue();
  }

  @Test
  void aCheckpointRowNoTrustedKeySignedSilencesNothingAndIsNamed() {
    append(3);
    signNow();
    // Put in behind the triggers, as only the tables' owner can: far beyond the head.
    asOwnerWithoutTriggers("INSERT INTO audit_checkpoints VALUES (1000000, 'sha256:" + "0".repeat(64)
        + "', now(), 'a2V5', 'c2lnbmF0dXJl')");
    append(2);
    assertThat(signer.signIfDue(false)).as("not due yet: 2 events and well inside the hour").isEmpty();
    assertThat(signer.signIfDue(true)).get().extracting(Checkpoint::seq).isEqualTo(5L);
    Verification verification = trail.verify();
    assertThat(verification.valid()).isFalse();
    assertThat(verification.reason()).contains("checkpoint 1000000").contains("not signed by a trusted key");

    // One at the head itself passes the trigger (PostgreSQL cannot check Ed25519); the signer
    // cannot sign that seq, says so, and signs the next head.
    asOwnerWithoutTriggers("DELETE FROM audit_checkpoints WHERE seq = 1000000");
    append(1);
    AuditLog.Head head = jdbi.withHandle(h -> AuditLog.head(h).orElseThrow());
    insertCheckpoint(head.seq(), head.hash(), "c2lnbmF0dXJl");
    assertThat(signer.signIfDue(true)).isEmpty();
    assertThat(trail.verify().reason()).contains("checkpoint 6 is not signed by a trusted key");
    append(1);
    assertThat(signer.signIfDue(true)).get().extracting(Checkpoint::seq).isEqualTo(7L);
  }

  private static void insertEvent(long seq, String prevHash) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_events (seq, at, actor_subject, actor_name, action, details,"
            + " prev_hash, hash) VALUES (:seq, now(), 'x', 'x', 'forged', '{}', :prev, 'sha256:x')")
        .bind("seq", seq).bind("prev", prevHash).execute());
  }

  private static void insertCheckpoint(long seq, String headHash, String signature) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_checkpoints VALUES (:seq, :hash, now(), 'a2V5', :signature)")
        .bind("seq", seq).bind("hash", headHash).bind("signature", signature).execute());
  }

  private static void append(int count) {
    for (int i = 0; i < count; i++) {
      int n = i;
      jdbi.useTransaction(h -> AuditLog.append(h, AuditEvent.bySystem("test.event", "t", Map.of("n", n))));
    }
  }

  private static Checkpoint signNow() {
    return signer.signIfDue(true).orElseThrow();
  }

  /** Replica mode (a superuser's) skips the triggers, as an owner who disabled them would. */
  private static void asOwnerWithoutTriggers(String sql) {
    jdbi.useHandle(h -> {
      h.execute("SET session_replication_role = replica");
      h.execute(sql);
      h.execute("SET session_replication_role = origin");
    });
  }
}
