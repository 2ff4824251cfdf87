package dev.pave.api.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.api.support.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exchanged tokens share `tokens` with issued ones (V16): many may carry one pipeline's name, and
 * the clean-up of long-expired ones never touches an issued token or one a browser session holds.
 */
class ExchangedTokenDaoTest {

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
  void manyExchangesShareAPipelinesNameAndOnlyLongExpiredUnreferencedOnesAreDeleted() {
    Instant now = Instant.now();
    Instant longAgo = now.minus(Duration.ofDays(30));
    ExchangedTokenDao dao = jdbi.onDemand(ExchangedTokenDao.class);
    String subject = "oidc:https://token.actions.githubusercontent.com#repo:acme/app:ref:refs/heads/main";
    dao.insert("tok_x_old", "acme/app · deploy", "payments", "requester", "hx1", longAgo, longAgo.plusSeconds(3600),
        subject);
    dao.insert("tok_x_session", "acme/app · deploy", "payments", "requester", "hx2", longAgo,
        longAgo.plusSeconds(3600), subject);
    dao.insert("tok_x_recent", "acme/app · deploy", "payments", "requester", "hx3", now.minusSeconds(7200),
        now.minusSeconds(3600), subject);
    jdbi.useHandle(h -> {
      h.execute("INSERT INTO tokens (id, name, team, role, token_hash, created_at, expires_at) VALUES"
          + " ('tok_issued_old', 'ci', 'payments', 'requester', 'hi1', ?, ?)", longAgo, longAgo.plusSeconds(3600));
      h.execute("INSERT INTO browser_sessions (id_hash, token_id, created_at, last_seen_at, expires_at)"
          + " VALUES ('s1', 'tok_x_session', ?, ?, ?)", longAgo, longAgo, longAgo.plusSeconds(3600));
    });

    assertThat(dao.deleteExpiredBefore(now.minus(Duration.ofDays(7)))).isEqualTo(1);

    List<String> left = jdbi.withHandle(h -> h.createQuery("SELECT id FROM tokens ORDER BY id").mapTo(String.class)
        .list());
    assertThat(left).containsExactly("tok_issued_old", "tok_x_recent", "tok_x_session");
  }

  @Test
  void issuedNamesStayUniqueWithinATeamAndASubjectMustBeAnOidcOne() {
    jdbi.useHandle(h -> h.execute("INSERT INTO tokens (id, name, team, role, token_hash) VALUES"
        + " ('tok_a', 'deployer', 'ledger', 'requester', 'ha')"));
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("INSERT INTO tokens (id, name, team, role, token_hash)"
        + " VALUES ('tok_b', 'deployer', 'ledger', 'requester', 'hb')"))).hasMessageContaining("tokens_name_per_team");
    assertThatThrownBy(() -> jdbi.onDemand(ExchangedTokenDao.class).insert("tok_c", "deployer", "ledger", "requester",
        "hc", Instant.now(), Instant.now().plusSeconds(60), "tok_a")).hasMessageContaining("tokens_subject_is_oidc");
  }
}
