package dev.pave.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.db.RequestRow;
import dev.pave.api.errors.ApiException;
import dev.pave.api.support.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-team counts and the insert cannot be slipped past by concurrent acceptances: many
 * threads released together against a real PostgreSQL, round after round, never start more than
 * the running limit nor store more than it plus the waiting bound. (Through HTTP the requests
 * arrive too spread out to show a race; here they do not.)
 */
class TeamRunLimitRaceTest {

  static final int LIMIT = 2;
  static final int WAITING = 3;
  static final int THREADS = 16;
  static EmbeddedPostgres postgres;
  static Jdbi jdbi;

  @BeforeAll
  static void database() throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void concurrentAcceptancesNeverExceedTheLimits() throws Exception {
    RecordedRuns runs = new RecordedRuns();
    TeamRunLimit limit = new TeamRunLimit(jdbi, new RunAdmission(jdbi, new RunStarter(runs, jdbi), LIMIT,
        Clock.systemUTC()), WAITING, Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 10; round++) {
        String team = "team-" + round;
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
          RequestRow row = row("req_r" + round + "x" + i, team);
          attempts.add(pool.submit(() -> {
            together.await();
            try {
              return limit.insert(row, handle -> {});
            } catch (ApiException refused) {
              assertThat(refused.code()).isEqualTo(429);
              return false;
            }
          }));
        }
        int stored = 0;
        for (Future<Boolean> attempt : attempts) {
          stored += attempt.get() ? 1 : 0;
        }
        int inDatabase = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM requests WHERE team = :team")
            .bind("team", team).mapTo(Integer.class).one());
        int admitted = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM requests WHERE team = :team"
            + " AND admitted_at IS NOT NULL").bind("team", team).mapTo(Integer.class).one());
        assertThat(stored).as("round %d", round).isEqualTo(LIMIT + WAITING);
        assertThat(inDatabase).as("round %d", round).isEqualTo(LIMIT + WAITING);
        assertThat(admitted).as("round %d", round).isEqualTo(LIMIT);
        String ofThisRound = "req_r" + round + "x";
        assertThat(runs.started.stream().filter(id -> id.startsWith(ofThisRound)))
            .as("round %d", round).hasSize(LIMIT);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static RequestRow row(String id, String team) {
    return new RequestRow(id, "postgres-database", "1.0.0", id.replace('_', '-'), "dev", team, "ci", "apply", "queued",
        "{}", 24, null, "sha256:x", Instant.now(), null, null, null, null, null, null, null, 12.5, false, null, null,
        "requester", false, null, "tok_ci-" + team, null);
  }
}
