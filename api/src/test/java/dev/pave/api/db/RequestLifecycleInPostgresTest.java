package dev.pave.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.support.MigratedPostgres;
import dev.pave.workflows.contract.RequestStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lifecycle's SQL half (V11's pave_terminal) on a real PostgreSQL with Pave's real migrations. */
class RequestLifecycleInPostgresTest {

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
  void theSqlFunctionAndTheEnumAgreeOnWhatIsTerminal() {
    for (RequestStatus status : RequestStatus.values()) {
      boolean sql = jdbi.withHandle(h -> h.createQuery("SELECT pave_terminal(:status)")
          .bind("status", status.wireName()).mapTo(Boolean.class).one());
      assertThat(sql).as("pave_terminal('%s')", status.wireName()).isEqualTo(status.terminal());
    }
  }

  @Test
  void theWorkspaceLineStillReadsItsPartialIndex() {
    List<String> plan = jdbi.withHandle(h -> {
      // A near-empty table is cheaper to scan; forbid that to see whether the index is usable at all.
      h.execute("SET enable_seqscan = off");
      return h.createQuery("EXPLAIN SELECT id FROM requests WHERE workspace = 'orders' AND " + RequestDao.UNFINISHED
          + " ORDER BY created_at, id LIMIT 1").mapTo(String.class).list();
    });
    assertThat(String.join("\n", plan)).contains("requests_workspace_line");
  }
}
