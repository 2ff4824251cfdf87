package dev.pave.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.api.support.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain itself on a real PostgreSQL: one line under concurrent writers, and what verification catches. */
class AuditChainTest {

  static EmbeddedPostgres postgres;
  static Jdbi jdbi;
  static CheckpointKey key;
  static CheckpointAnchors anchors;
  static AuditTrail trail;

  @BeforeAll
  static void database(@TempDir Path home) throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
    key = CheckpointKey.load(null, List.of(), home, true);
    anchors = new CheckpointAnchors(home);
    trail = new AuditTrail(jdbi, key, anchors, Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  /** The tables refuse TRUNCATE; replica mode (superuser only) skips the refusing triggers. */
  @BeforeEach
  void empty() throws java.io.IOException {
    Files.deleteIfExists(anchors.file());
    jdbi.useHandle(h -> {
      h.execute("SET session_replication_role = replica");
      h.execute("TRUNCATE audit_events, audit_checkpoints");
      h.execute("SET session_replication_role = origin");
    });
  }

  @Test
  void concurrentWritersMakeOneChainWithoutGaps() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int writer = w;
      writers.add(pool.submit(() -> {
        for (int i = 0; i < 40; i++) {
          int n = i;
          jdbi.useTransaction(h -> AuditLog.append(h, AuditEvent.bySystem("test.event", "w" + writer,
              Map.of("n", n))));
        }
      }));
    }
    for (Future<?> writer : writers) {
      writer.get();
    }
    pool.shutdown();
    List<Long> seqs = jdbi.withHandle(h -> h.createQuery("SELECT seq FROM audit_events ORDER BY seq")
        .mapTo(Long.class).list());
    assertThat(seqs).hasSize(320);
    assertThat(seqs.get(0)).isEqualTo(1);
    assertThat(seqs.get(319)).isEqualTo(320);
    Verification verification = trail.verify();
    assertThat(verification.valid()).as(verification.reason()).isTrue();
    assertThat(verification.events()).isEqualTo(320);
  }

  @Test
  void anEventRolledBackWithItsChangeLeavesNoTrace() {
    append(2);
    assertThatThrownBy(() -> jdbi.useTransaction(h -> {
      AuditLog.append(h, AuditEvent.bySystem("test.event", "t", Map.of()));
      throw new IllegalStateException("the change failed");
    })).isInstanceOf(IllegalStateException.class);
    append(1);
    assertThat(trail.verify().valid()).isTrue();
    assertThat(trail.verify().events()).isEqualTo(3);
  }

  @Test
  void theTriggersRefuseEvenTheOwner() {
    append(3);
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("UPDATE audit_events SET action = 'x' WHERE seq = 2")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("DELETE FROM audit_events WHERE seq = 3")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("TRUNCATE audit_events")))
        .hasMessageContaining("append-only");
  }

  @Test
  void anEventChangedBehindTheTriggersIsFound() {
    append(10);
    signNow();
    assertThat(trail.verify().valid()).isTrue();
    asOwnerWithoutTriggers("UPDATE audit_events SET details = '{\"n\": 99}' WHERE seq = 4");
    Verification verification = trail.verify();
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBrokenEvent()).isEqualTo(4);
  }

  @Test
  void aChainRewrittenWithFreshHashesIsCaughtByTheSignedCheckpoint() {
    append(10);
    signNow();
    // A forger who recomputes every hash after the change: the chain is consistent again, but
    // it no longer reaches the head the checkpoint signed.
    List<AuditRecord> events = new ArrayList<>();
    trail.export("2000-01-01T00:00:00Z", line -> {
      if (line.has("event")) {
        events.add(AuditRecord.fromJson(line.get("event")));
      }
    });
    String prev = events.get(2).hash();
    for (int i = 3; i < events.size(); i++) {
      AuditRecord e = events.get(i);
      ObjectNode details = i == 3 ? (ObjectNode) CanonicalJson.mapper().createObjectNode().put("n", 99)
          : (ObjectNode) e.details();
      AuditRecord unhashed = new AuditRecord(e.seq(), e.at(), e.actorSubject(), e.actorName(), e.actorTeam(),
          e.actorRole(), e.action(), e.target(), details, prev, null);
      String hash = unhashed.computedHash();
      asOwnerWithoutTriggers("UPDATE audit_events SET details = '" + details + "', prev_hash = '" + prev
          + "', hash = '" + hash + "' WHERE seq = " + e.seq());
      prev = hash;
    }
    Verification verification = trail.verify();
    assertThat(verification.valid()).isFalse();
    assertThat(verification.reason()).contains("checkpoint");
  }

  @Test
  void aTailCutPastACheckpointIsFound() {
    append(10);
    signNow();
    asOwnerWithoutTriggers("DELETE FROM audit_events WHERE seq > 8");
    Verification verification = trail.verify();
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBrokenEvent()).isEqualTo(9);
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsNotTrusted(@TempDir Path otherHome) {
    append(5);
    CheckpointKey forger = CheckpointKey.load(null, List.of(), otherHome, true);
    new Checkpointer(jdbi, forger, anchors, 1000, Duration.ofHours(1)).signIfDue(true);
    Verification verification = trail.verify();
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBrokenEvent()).isEqualTo(5);
  }

  @Test
  void checkpointsComeEveryNEventsOrInterval() {
    Checkpointer everyFive = new Checkpointer(jdbi, key, anchors, 5, Duration.ofHours(1));
    append(1);
    assertThat(everyFive.signIfDue(false)).as("the first event: nothing was ever signed").isPresent();
    append(3);
    assertThat(everyFive.signIfDue(false)).isEmpty();
    append(2);
    assertThat(everyFive.signIfDue(false)).get().extracting(Checkpoint::seq).isEqualTo(6L);
    append(1);
    assertThat(new Checkpointer(jdbi, key, anchors, 5, Duration.ZERO).signIfDue(false)).as("the interval passed").isPresent();
    Verification verification = trail.verify();
    assertThat(verification.valid()).isTrue();
    assertThat(verification.lastCheckpoint().seq()).isEqualTo(7);
  }

  @Test
  void theGeneratedKeyIsPrivateAndAClusterMustConfigureOne(@TempDir Path home) throws Exception {
    CheckpointKey generated = CheckpointKey.load(null, List.of(), home, true);
    Path file = home.resolve(CheckpointKey.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    CheckpointKey again = CheckpointKey.load(Files.readString(file), List.of(), home.resolve("elsewhere"), false);
    assertThat(again.publicKey()).isEqualTo(generated.publicKey());
    assertThatThrownBy(() -> CheckpointKey.load(null, List.of(), home, false))
        .hasMessageContaining("audit.signingKey");
    assertThatThrownBy(() -> CheckpointKey.load("bm90IGEga2V5", List.of(), home, false))
        .hasMessageContaining("not a base64-encoded Ed25519 private key").hasMessageNotContaining("bm90IGEga2V5");
  }

  @Test
  void detailsRefuseSecretsAndFloats() {
    assertThatThrownBy(() -> AuditEvent.bySystem("x", "t", Map.of("token", "pave_abc")))
        .hasMessageContaining("may not hold token");
    assertThatThrownBy(() -> AuditEvent.bySystem("x", "t", Map.of("inner", Map.of("adminPassword", "p"))))
        .hasMessageContaining("may not hold adminPassword");
    assertThatThrownBy(() -> AuditEvent.bySystem("x", "t", Map.of("cost", 1.5)))
        .hasMessageContaining("floating-point");
  }

  private static void append(int count) {
    for (int i = 0; i < count; i++) {
      int n = i;
      jdbi.useTransaction(h -> AuditLog.append(h, AuditEvent.bySystem("test.event", "t", Map.of("n", n))));
    }
  }

  private static void signNow() {
    assertThat(new Checkpointer(jdbi, key, anchors, 1000, Duration.ofHours(1)).signIfDue(true)).isPresent();
  }

  private static void asOwnerWithoutTriggers(String sql) {
    jdbi.useHandle(h -> {
      h.execute("SET session_replication_role = replica");
      h.execute(sql);
      h.execute("SET session_replication_role = origin");
    });
  }
}
