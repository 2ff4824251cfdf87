package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * `POST /v1/policies/simulate` as the security review attacked it: an approver of another team
 * read a team's database password one bit per candidate policy, and a nested comprehension pinned
 * a core. Through HTTP, the real workflow, the real module and Terraform.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PolicySimulationTrustTest {

  static final int MAX_REQUESTS = 3;
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("policySimulation.maxRequests", String.valueOf(MAX_REQUESTS)),
      ConfigOverride.config("policySimulation.deadline", "PT1S"));
  static final Duration WAIT = Duration.ofSeconds(90);
  static final String ADMIN = PaveTestApp.ADMIN_TOKEN;
  static HttpApi api;
  static String payments;
  static String otherApprover;

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    payments = issue("ci-payments", "payments", "requester");
    otherApprover = issue("eve", "search", "approver");
  }

  @Test
  void noCandidatePolicyCanReadAGeneratedPasswordFromAStoredPlan() {
    Instant start = Instant.now();
    String created = submit("vault-db", 24, Map.of("database_name", "vault", "connection_limit", 10), "apply");
    assertThat(api.awaitTerminal(payments, created, WAIT).get("status").asText()).isEqualTo("succeeded");
    // The second plan carries the first one's state: the generated password, in clear in Terraform's JSON.
    String updated = submit("vault-db", 24, Map.of("database_name", "vault", "connection_limit", 11), "apply");
    JsonNode done = api.awaitTerminal(payments, updated, WAIT);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    String password = api.get(payments, "/v1/workspaces/vault-db/outputs?reveal=true").body().get("password").asText();
    assertThat(password).hasSizeGreaterThanOrEqualTo(32);

    // The attack: deny when the password starts with a guess. Right guesses change the verdict.
    String where = "'prior_state' in plan && plan.prior_state.values.root_module.resources.exists(r, r.address == 'terraform_data.password'"
        + " && type(r.values.output) == string && r.values.output";
    HttpApi.Reply probe = simulate(ADMIN, start, List.of(planPolicy("probe", where + ".startsWith('"
        + password.substring(0, 6) + "'))")));
    assertThat(probe.status()).as(probe.body().toString()).isEqualTo(200);
    assertThat(probe.body().get("changes")).as(probe.body().toString())
        .noneMatch(c -> c.get("requestId").asText().equals(updated));

    // The same path, compared with the marker: the probe did read the field, and found it hidden.
    HttpApi.Reply control = simulate(ADMIN, start, List.of(planPolicy("control", where + " == '(sensitive)')")));
    assertThat(control.body().get("changes")).as(control.body().toString())
        .anyMatch(c -> c.get("requestId").asText().equals(updated)
            && c.get("simulatedVerdict").asText().equals("denied"));
  }

  @Test
  void onlyAdminsSimulateWithinCapsAndADeadline() {
    List<Map<String, String>> light = List.of(requestPolicy("light", "request.environment == 'nowhere'"));
    assertThat(simulate(otherApprover, Instant.now(), light).status()).as("an approver of another team").isEqualTo(403);
    assertThat(simulate(payments, Instant.now(), light).status()).isEqualTo(403);

    List<Map<String, String>> tooMany = IntStream.range(0, 21)
        .mapToObj(i -> requestPolicy("p" + i, "false")).toList();
    HttpApi.Reply capped = simulate(ADMIN, Instant.now(), tooMany);
    assertThat(capped.status()).isEqualTo(422);
    assertThat(capped.body().at("/errors/0/field").asText()).isEqualTo("policies");

    // Previews a hard rule denies at once (dev without a TTL): recorded, no Terraform run. (An apply
    // like them is refused at the POST and never recorded; a preview shows its verdicts instead.)
    Instant start = Instant.now();
    Instant lastThree = null;
    for (int i = 0; i <= MAX_REQUESTS; i++) {
      if (i == 1) {
        lastThree = Instant.now();
      }
      String id = submit("limits-db-" + i, null, Map.of("database_name", "limits_" + i), "plan");
      assertThat(api.awaitTerminal(payments, id, WAIT).get("status").asText()).isEqualTo("denied");
    }
    HttpApi.Reply window = simulate(ADMIN, start, light);
    assertThat(window.status()).isEqualTo(422);
    assertThat(window.body().at("/errors/0/field").asText()).isEqualTo("since");
    assertThat(window.body().at("/errors/0/message").asText()).contains("more than " + MAX_REQUESTS);

    // Each of these stops at the evaluation budget; twenty of them on three requests pass the deadline.
    String list = IntStream.range(0, 200).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    List<Map<String, String>> heavy = IntStream.range(0, 20).mapToObj(i -> requestPolicy("heavy" + i,
        list + ".all(x, " + list + ".all(y, " + list + ".all(z, z >= 0)))")).toList();
    long before = System.nanoTime();
    HttpApi.Reply slow = simulate(ADMIN, lastThree, heavy);
    long millis = (System.nanoTime() - before) / 1_000_000;
    assertThat(slow.status()).as(slow.body().toString()).isEqualTo(503);
    assertThat(slow.body().get("code").asInt()).isEqualTo(503);
    assertThat(slow.body().get("message").asText()).startsWith("the simulation did not finish within 1 s");
    assertThat(millis).as("answered at the deadline, not when the work ends").isLessThan(5_000);

    // The stopped simulation lets go of its thread: the next one runs.
    HttpApi.Reply next = null;
    for (long until = System.nanoTime() + 30_000_000_000L; System.nanoTime() < until; ) {
      next = simulate(ADMIN, lastThree, light);
      if (next.status() == 200) {
        break;
      }
      assertThat(next.body().get("message").asText()).contains("another policy simulation is running");
      sleep(200);
    }
    assertThat(next.status()).as(next.body().toString()).isEqualTo(200);
    assertThat(next.body().get("evaluated").asInt()).isEqualTo(MAX_REQUESTS);
  }

  private static HttpApi.Reply simulate(String token, Instant since, List<Map<String, String>> policies) {
    return api.post(token, "/v1/policies/simulate", Map.of("since", since.toString(), "policies", policies));
  }

  private static Map<String, String> requestPolicy(String name, String deny) {
    return policy(name, "request", deny);
  }

  private static Map<String, String> planPolicy(String name, String deny) {
    return policy(name, "plan", deny);
  }

  private static Map<String, String> policy(String name, String stage, String deny) {
    return Map.of("path", name + ".yaml", "content", "name: " + name + "\ndescription: test\nstage: " + stage
        + "\nenforcement: hard-mandatory\ndeny: \"" + deny + "\"\nmessage: " + name + " denied\n");
  }

  private static String submit(String workspace, Integer ttlHours, Map<String, Object> inputs, String action) {
    Map<String, Object> body = new HashMap<>(Map.of("module", "postgres-database", "workspace", workspace,
        "environment", "dev", "action", action, "inputs", inputs));
    if (ttlHours != null) {
      body.put("ttlHours", ttlHours);
    }
    HttpApi.Reply reply = api.post(payments, "/v1/requests", body);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  private static String issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(ADMIN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
