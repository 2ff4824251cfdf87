package dev.pave.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void masksThePlatformsEnvironmentButNotPavesOwnSwitches() {
    SecretMask mask = new SecretMask().addEnvironment(Map.of(
        "PGPASSWORD", "target-admin-secret",
        "PG_CONN_STR", "postgres://pave_state:state-db-secret@127.0.0.1:5432/pave_state?sslmode=disable",
        "GOGC", "off", "TF_WORKSPACE", "orders-db", "PATH", "/usr/bin:/bin"));
    assertThat(mask.apply("psql: password target-admin-secret for orders-db on /usr/bin, GOGC off"))
        .isEqualTo("psql: password (masked) for orders-db on /usr/bin, GOGC off");
    assertThat(mask.apply("backend at postgres://pave_state:state-db-secret@127.0.0.1:5432/pave_state?sslmode=disable"))
        .isEqualTo("backend at (masked)");
    assertThat(mask.apply("reconnecting with state-db-secret")).isEqualTo("reconnecting with (masked)");
  }

  @Test
  void aLibpqKeywordPasswordIsMaskedOnItsOwnToo() {
    SecretMask mask = new SecretMask().addEnvironment(Map.of("PG_CONN_STR", "host=db user=pave password=kw-secret-1"));
    assertThat(mask.apply("password is kw-secret-1")).isEqualTo("password is (masked)");
  }

  @Test
  void masksEveryLeafOfASensitiveValueLongestFirst() throws Exception {
    SecretMask mask = new SecretMask()
        .addValue(JSON.readTree("{\"user\": \"svc-account\", \"keys\": [\"abcd1234\", \"abcd1234-full\"], \"n\": 123456}"));
    assertThat(mask.apply("svc-account abcd1234-full abcd1234 123456"))
        .isEqualTo("(masked) (masked) (masked) (masked)");
  }

  @Test
  void leavesValuesTooShortToMaskMeaningfully() {
    SecretMask mask = new SecretMask().add("on").add("abc").add(null);
    assertThat(mask.apply("on abc")).isEqualTo("on abc");
  }
}
