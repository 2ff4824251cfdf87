package dev.pave.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A team registers at most webhooks.maxEndpointsPerTeam endpoints, however many registrations
 * race; and an endpoint's URL, whose path can be a credential, is whole only in the answer to its
 * registration.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookLimitsAndMaskingTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("webhooks.maxEndpointsPerTeam", "3"));

  @Test
  void aTeamsFourthEndpointIsAConflictNamingTheLimit() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String token = issue(api, "ci", "limited");
    for (int i = 0; i < 3; i++) {
      assertThat(register(api, token, "http://localhost:9/h" + i).status()).isEqualTo(201);
    }

    HttpApi.Reply fourth = register(api, token, "http://localhost:9/h3");

    assertThat(fourth.status()).as(fourth.raw().body()).isEqualTo(409);
    assertThat(fourth.body().get("message").asText()).contains("3").contains("webhooks.maxEndpointsPerTeam");
    assertThat(api.get(token, "/v1/webhooks").body().get("webhooks")).hasSize(3);
  }

  @Test
  void registrationsRacingForTheLastPlacesNeverPassTheLimit() throws Exception {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String token = issue(api, "ci", "racing");
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String url = "http://localhost:9/race" + i;
      calls.add(() -> register(api, token, url).status());
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> status : pool.invokeAll(calls)) {
      statuses.add(status.get());
    }
    pool.shutdown();

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
    assertThat(api.get(token, "/v1/webhooks").body().get("webhooks")).hasSize(3);
  }

  @Test
  void aUrlsPathAndQueryAreShownOnlyInTheAnswerToItsRegistration() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String token = issue(api, "ci", "slack");
    String url = "http://localhost:9/services/T000/B000/XXXXsecretXXXX?token=query-secret";

    HttpApi.Reply registered = register(api, token, url);
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.body().get("url").asText()).isEqualTo(url);
    String id = registered.body().get("id").asText();

    HttpApi.Reply one = api.get(token, "/v1/webhooks/" + id);
    assertThat(one.body().get("url").asText()).isEqualTo("http://localhost:9/***");
    HttpApi.Reply rotated = api.post(token, "/v1/webhooks/" + id + "/rotate-secret", Map.of());
    assertThat(rotated.body().get("url").asText()).isEqualTo("http://localhost:9/***");
    for (HttpApi.Reply read : List.of(one, rotated, api.get(token, "/v1/webhooks"),
        api.get(token, "/v1/webhooks/" + id + "/deliveries"),
        api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?target=" + id + "&limit=100"))) {
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.raw().body()).doesNotContain("XXXXsecretXXXX").doesNotContain("query-secret")
          .doesNotContain("/services");
    }
  }

  private static HttpApi.Reply register(HttpApi api, String token, String url) {
    return api.post(token, "/v1/webhooks", Map.of("url", url, "events", List.of("request.failed")));
  }

  private static String issue(HttpApi api, String name, String team) {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", name, "team", team, "role", "requester"));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.body().get("token").asText();
  }
}
