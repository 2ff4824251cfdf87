package dev.pave.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.support.MigratedPostgres;
import dev.pave.workflows.crypto.SecretBox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An encryption key rotation on real tables: what the old key sealed is sealed again with the new one. */
class SealedDataRotationTest {

  private static final String OLD_KEY = SecretBox.newKeyBase64();
  private static final String NEW_KEY = SecretBox.newKeyBase64();
  private static final byte[] SECRET = "{\"password\": \"5f1c\"}".getBytes(StandardCharsets.UTF_8);

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
  void afterARotationEverySealedValueOpensWithTheNewKeyAlone() {
    SecretBox old = SecretBox.fromBase64(OLD_KEY);
    jdbi.useHandle(h -> {
      h.execute("INSERT INTO requests (id, module, version, workspace, environment, team, requester, requester_subject,"
          + " action, status, inputs, request_hash, created_at) VALUES ('req_r0tat10n0000001', 'postgres-database',"
          + " '1.0.0', 'orders', 'dev', 'payments', 'ci', 'tok_ci', 'apply', 'succeeded', '{}', 'h', now())");
      h.execute("INSERT INTO plans (request_id, sha256, sealed, sealed_json) VALUES ('req_r0tat10n0000001', 'sha256:p',"
          + " ?, ?)", old.seal(SECRET, "req_r0tat10n0000001"), old.seal(SECRET, "req_r0tat10n0000001"));
      h.execute("INSERT INTO workspaces (name, module, version, team, environment, status, inputs, sealed_secrets,"
          + " last_request_id, created_at, updated_at) VALUES ('orders', 'postgres-database', '1.0.0', 'payments',"
          + " 'dev', 'live', '{}', ?, 'req_r0tat10n0000001', now(), now())", old.seal(SECRET, "workspace:orders"));
      h.execute("INSERT INTO webhook_endpoints (id, team, url, events, format, sealed_secret, sealed_previous_secret,"
          + " created_by_subject, created_at) VALUES ('whk_r0tat10n', 'payments', 'https://example.com/', '{request.failed}',"
          + " 'standard', ?, ?, 'tok_ci', now())", old.seal(SECRET, "webhook-secret:whk_r0tat10n"),
          old.seal(SECRET, "webhook-secret:whk_r0tat10n"));
    });

    SecretBox rotated = SecretBox.fromBase64(NEW_KEY).withPreviousKeys(List.of(OLD_KEY));
    assertThat(SealedDataRotation.resealAll(jdbi, rotated)).isEqualTo(5);
    assertThat(SealedDataRotation.resealAll(jdbi, rotated)).as("a second start has nothing left to move").isZero();

    SecretBox newOnly = SecretBox.fromBase64(NEW_KEY);
    jdbi.useHandle(h -> {
      byte[] plan = h.createQuery("SELECT sealed FROM plans").mapTo(byte[].class).one();
      byte[] planJson = h.createQuery("SELECT sealed_json FROM plans").mapTo(byte[].class).one();
      byte[] outputs = h.createQuery("SELECT sealed_secrets FROM workspaces").mapTo(byte[].class).one();
      assertThat(newOnly.open(plan, "req_r0tat10n0000001")).isEqualTo(SECRET);
      assertThat(newOnly.open(planJson, "req_r0tat10n0000001")).isEqualTo(SECRET);
      assertThat(newOnly.open(outputs, "workspace:orders")).isEqualTo(SECRET);
      for (String column : new String[] {"sealed_secret", "sealed_previous_secret"}) {
        byte[] webhookSecret = h.createQuery("SELECT " + column + " FROM webhook_endpoints").mapTo(byte[].class).one();
        assertThat(newOnly.open(webhookSecret, "webhook-secret:whk_r0tat10n")).isEqualTo(SECRET);
      }
    });
  }

  @Test
  void withoutPreviousKeysNothingIsRead() {
    assertThat(SealedDataRotation.resealAll(jdbi, SecretBox.fromBase64(NEW_KEY))).isZero();
  }
}
