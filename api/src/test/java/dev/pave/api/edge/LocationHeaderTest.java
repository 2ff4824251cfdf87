package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import dev.pave.api.support.RawHttp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Location header never comes from the client's Host header: it is a path on this server. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LocationHeaderTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  @Test
  void aForgedHostDoesNotReachTheLocationHeader() {
    HttpApi.Reply issued = new HttpApi(APP.getLocalPort()).post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-location", "team", "payments", "role", "requester"));
    String token = issued.body().get("token").asText();

    RawHttp.Reply accepted = RawHttp.sendJson(APP.getLocalPort(), "POST", "/v1/requests",
        "{\"module\": \"postgres-database\", \"workspace\": \"location-db\", \"environment\": \"dev\", \"ttlHours\": 24,"
            + " \"inputs\": {\"database_name\": \"location_db\"}}",
        "Host: attacker.example", "Authorization: Bearer " + token);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String id = accepted.json().get("id").asText();
    assertThat(accepted.header("Location")).isEqualTo("/v1/requests/" + id);
  }
}
