package dev.pave.api.audit;

import dev.pave.api.support.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * How long verifying a long trail takes (bench/audit/run.sh runs it): builds a chain of N events
 * (default 1,000,000) shaped like real ones, COPYs it into a fresh PostgreSQL, signs a checkpoint
 * at its head, then times GET /v1/audit/verify's work (AuditTrail.verify) and the offline
 * verification of its export (OfflineVerification), each once after one warm-up run.
 */
public final class AuditVerifyBenchmark {

  private AuditVerifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path home = Files.createTempDirectory("pave-audit-bench");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(new File("target/postgres-binaries")).start()) {
      MigratedPostgres.migrate(postgres, null);
      Jdbi jdbi = Jdbi.create(postgres.getPostgresDatabase());
      long seedStart = System.nanoTime();
      seed(postgres, events);
      System.out.printf("seeded %,d events in %.1f s%n", events, (System.nanoTime() - seedStart) / 1e9);
      CheckpointKey key = CheckpointKey.load(null, List.of(), home, true);
      new Checkpointer(jdbi, key, new CheckpointAnchors(home), 1000, java.time.Duration.ofHours(1)).signIfDue(true);
      AuditTrail trail = new AuditTrail(jdbi, key, new CheckpointAnchors(home), Clock.systemUTC());

      for (int run = 0; run < 2; run++) {
        long start = System.nanoTime();
        Verification online = trail.verify();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s online verify: valid=%s events=%,d in %.2f s%n", run == 0 ? "warm-up" : "timed",
            online.valid(), online.events(), seconds);
      }
      Path export = home.resolve("audit.jsonl");
      try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
        trail.export("2000-01-01T00:00:00Z", line -> {
          try {
            out.write(line.toString());
            out.write('\n');
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
      for (int run = 0; run < 2; run++) {
        long start = System.nanoTime();
        Verification offline = OfflineVerification.verify(export, List.of(key.publicKey()), List.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s offline verify (%,d MB file): valid=%s events=%,d in %.2f s%n",
            run == 0 ? "warm-up" : "timed", Files.size(export) >> 20, offline.valid(), offline.events(), seconds);
      }
    }
  }

  /** Real-looking events, chained by the same code as AuditLog, COPYed in blocks of 50,000. */
  private static void seed(EmbeddedPostgres postgres, int events) throws Exception {
    try (Connection db = postgres.getPostgresDatabase().getConnection()) {
      var copy = db.unwrap(PGConnection.class).getCopyAPI();
      String prev = null;
      Instant at = Instant.parse("2026-01-01T00:00:00Z");
      StringBuilder block = new StringBuilder();
      for (int seq = 1; seq <= events; seq++) {
        var details = CanonicalJson.mapper().createObjectNode().put("policy", "cost-ceiling").put("stage", "plan")
            .put("enforcement", "soft-mandatory").put("result", "pass")
            .put("policyHash", "sha256:" + "ab".repeat(32)).put("planSha256", "sha256:" + "cd".repeat(32));
        AuditRecord unhashed = new AuditRecord(seq, at, "system", "system", null, null, "policy.evaluated",
            "req_" + (seq / 10), details, prev, null);
        String hash = unhashed.computedHash();
        block.append(seq).append('\t').append(AuditRecord.AT.format(at)).append("\tsystem\tsystem\t\\N\t\\N\t")
            .append("policy.evaluated\treq_").append(seq / 10).append('\t')
            .append(new String(CanonicalJson.bytes(details), StandardCharsets.UTF_8)).append('\t')
            .append(prev == null ? "\\N" : prev).append('\t').append(hash).append('\n');
        prev = hash;
        at = at.plusMillis(7);
        if (seq % 50_000 == 0 || seq == events) {
          copy.copyIn("COPY audit_events (seq, at, actor_subject, actor_name, actor_team, actor_role, action, target,"
              + " details, prev_hash, hash) FROM STDIN", new StringReader(block.toString()));
          block.setLength(0);
        }
      }
    }
  }
}
