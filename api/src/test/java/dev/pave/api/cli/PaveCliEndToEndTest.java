package dev.pave.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import dev.pave.cli.Console;
import dev.pave.cli.ExitCode;
import dev.pave.cli.Pave;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's contract (PRODUCT.md "CLI"), run in-process against a real Pave over HTTP: the real
 * workflow, the shipped policies and the real Terraform decide every exit code.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PaveCliEndToEndTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final ObjectMapper JSON = new ObjectMapper();
  static HttpApi api;
  static String developer;
  static String approver;

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    developer = issue("cli-dev", "payments", "requester");
    approver = issue("cli-approver", "platform", "approver");
  }

  @Test
  void applyWaitsThroughEveryStepAndSucceedsWithExitZeroAndOneJsonDocument() throws IOException {
    Run run = cli(developer, "apply", "--module", "postgres-database", "--workspace", "cli-ok", "--env", "dev",
        "--ttl", "24", "--set", "database_name=cli_ok", "--set", "connection_limit=10", "--wait", "--json");
    assertThat(run.code).as(run.err).isEqualTo(ExitCode.SUCCEEDED);
    JsonNode document = JSON.readTree(run.out); // the whole of stdout is one JSON document
    assertThat(document.get("status").asText()).isEqualTo("succeeded");
    assertThat(document.get("exitCode").asInt()).isZero();
    assertThat(document.get("steps")).extracting(s -> s.get("name").asText())
        .containsSubsequence("queue", "init", "plan", "policy", "apply").endsWith("apply");
    // each step printed as it finished, on stderr
    assertThat(run.err).contains("step queue").contains("step plan").contains("step apply");
    assertThat(run.err.indexOf("step plan")).isLessThan(run.err.indexOf("step apply"));

    Run workspaces = cli(developer, "workspaces", "--json");
    assertThat(workspaces.code).isZero();
    assertThat(JSON.readTree(workspaces.out).get("workspaces")).anyMatch(w -> w.get("name").asText().equals("cli-ok"));
    Run hidden = cli(developer, "outputs", "cli-ok");
    assertThat(hidden.out).contains("password=(sensitive)").contains("database=cli_ok");
    Run revealed = cli(developer, "outputs", "cli-ok", "--reveal", "--json");
    assertThat(JSON.readTree(revealed.out).get("password").asText()).isNotEqualTo("(sensitive)").isNotBlank();

    // A name is one path segment: unencoded, this one would make Pave reveal (and audit a reveal)
    // that nobody asked for with --reveal. Encoded, Jetty refuses the separator (400: exit 10).
    Run smuggled = cli(developer, "outputs", "cli-ok/outputs?reveal=true", "--json");
    assertThat(smuggled.code).as(smuggled.out).isIn(ExitCode.NOT_ALLOWED, ExitCode.INVALID_REQUEST);
  }

  /** A hard-mandatory request-stage policy refuses at the POST (422 naming it): still exit 3, not 10. */
  @Test
  void aHardMandatoryDenyEndsWithExitThree() throws IOException {
    Run run = cli(developer, "apply", "--module", "postgres-database", "--workspace", "cli-no-ttl", "--env", "dev",
        "--set", "database_name=cli_no_ttl", "--wait", "--json");
    assertThat(run.code).as(run.err).isEqualTo(ExitCode.DENIED);
    JsonNode document = JSON.readTree(run.out);
    assertThat(document.get("exitCode").asInt()).isEqualTo(3);
    assertThat(document.at("/error/errors/0/policy").asText()).isEqualTo("nonprod-ttl");
    assertThat(document.at("/error/errors/0/field").asText()).isEqualTo("ttlHours");
    // The policy's own words, so the requester knows what to change.
    assertThat(run.err).contains("denied by policy nonprod-ttl").contains("ttlHours between 1 and 720");
    assertThat(api.get(developer, "/v1/workspaces/cli-no-ttl").status()).isEqualTo(404);
  }

  @Test
  void awaitingApprovalTimesOutOrStopsWhenToldAndARejectionEndsWithFour() throws IOException {
    Run submitted = cli(developer, "apply", "--module", "postgres-database", "--workspace", "cli-prod", "--env",
        "prod", "--set", "database_name=cli_prod", "--wait", "--no-wait-for-approval", "--json");
    assertThat(submitted.code).as(submitted.err).isEqualTo(ExitCode.AWAITING_APPROVAL);
    JsonNode waiting = JSON.readTree(submitted.out);
    assertThat(waiting.get("status").asText()).isEqualTo("awaiting_approval");
    String id = waiting.get("id").asText();

    // Without --no-wait-for-approval it keeps waiting, until --timeout: exit 8, and the request goes on.
    long started = System.nanoTime();
    Run timedOut = cli(developer, "wait", id, "--timeout", "3s");
    assertThat(timedOut.code).as(timedOut.err).isEqualTo(ExitCode.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(api.get(developer, "/v1/requests/" + id).body().get("status").asText()).isEqualTo("awaiting_approval");

    // The requester may not decide; the approver's rejection is bound to the plan it read.
    assertThat(cli(developer, "reject", id, "--comment", "mine").code).isEqualTo(ExitCode.NOT_ALLOWED);
    Run rejected = cli(approver, "reject", id, "--comment", "use the shared cluster");
    assertThat(rejected.code).as(rejected.err).isZero();
    assertThat(rejected.err).contains("on plan sha256:");
    Run ended = cli(developer, "wait", id, "--json");
    assertThat(ended.code).isEqualTo(ExitCode.REJECTED);
    assertThat(JSON.readTree(ended.out).get("approval").get("decision").asText()).isEqualTo("reject");
  }

  @Test
  void badFlagsEndWithTwoAndSendNothing() {
    Run run = cli(developer, "apply", "--module", "postgres-database", "--workspace", "cli-bad", "--env", "dev",
        "--set", "database_name=cli_bad", "--ttl", "0", "--wait");
    assertThat(run.code).isEqualTo(ExitCode.USAGE);
    Run typo = cli(developer, "apply", "--module", "postgres-database", "--workspace", "cli-bad", "--env", "dev",
        "--timeout", "whenever");
    assertThat(typo.code).isEqualTo(ExitCode.USAGE);
    assertThat(typo.out).isEmpty();
    assertThat(api.get(developer, "/v1/requests?workspace=cli-bad").body().get("requests")).isEmpty();
  }

  @Test
  void aWrongTokenEndsWithNineAndIsNeverPrinted() {
    String wrong = "pave_wrong-token-that-must-never-be-printed";
    Run run = cli(wrong, "status", "req_anything", "--verbose", "--json");
    assertThat(run.code).isEqualTo(ExitCode.NOT_ALLOWED);
    assertThat(run.out + run.err).doesNotContain(wrong).contains("401");
    // another team's request reads as not there: 9 as well
    String id = api.post(developer, "/v1/requests", Map.of("module", "postgres-database", "workspace", "cli-other",
        "environment", "dev", "ttlHours", 1, "inputs", Map.of("database_name", "cli_other"))).body().get("id").asText();
    String stranger = issue("cli-stranger", "logistics", "requester");
    assertThat(cli(stranger, "status", id).code).isEqualTo(ExitCode.NOT_ALLOWED);
  }

  @Test
  void anInvalidRequestEndsWithTenAndNamesTheField() throws IOException {
    Run run = cli(developer, "apply", "--module", "postgres-database", "--workspace", "cli-invalid", "--env", "dev",
        "--ttl", "24", "--set", "database_name=cli_invalid", "--set", "no_such_input=1", "--json");
    assertThat(run.code).as(run.err).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(run.err).contains("inputs.no_such_input");
    JsonNode document = JSON.readTree(run.out);
    assertThat(document.get("exitCode").asInt()).isEqualTo(10);
    assertThat(document.at("/error/code").asInt()).isEqualTo(422);
    assertThat(document.at("/error/errors/0/field").asText()).isEqualTo("inputs.no_such_input");
  }

  @Test
  void anUnreachablePaveIsRetriedWithGrowingWaitsThenEndsWithEleven() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<Duration> waits = new ArrayList<>();
    Run run = cli(Map.of("PAVE_URL", "http://127.0.0.1:" + closedPort, "PAVE_TOKEN", developer), waits,
        "status", "req_1", "--retries", "3");
    assertThat(run.code).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0).toMillis()).isBetween(250L, 500L);
    assertThat(waits.get(1).toMillis()).isBetween(500L, 1000L);
    assertThat(waits.get(2).toMillis()).isBetween(1000L, 2000L);
    assertThat(run.err).contains("retry 1 of 3").contains("retry 3 of 3").contains("gave up after 4 attempts")
        .doesNotContain(developer);
  }

  @Test
  void theSameGithubJobRetriedGetsTheSameRequest() throws IOException {
    Map<String, String> job = new HashMap<>(Map.of("PAVE_URL", url(), "PAVE_TOKEN", developer,
        "GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/payments", "GITHUB_RUN_ID", "4242",
        "GITHUB_JOB", "deploy", "GITHUB_RUN_ATTEMPT", "1"));
    String[] args = {"apply", "--module", "postgres-database", "--workspace", "cli-idem", "--env", "dev", "--ttl",
        "24", "--set", "database_name=cli_idem", "--json"};
    Run first = cli(job, new ArrayList<>(), args);
    job.put("GITHUB_RUN_ATTEMPT", "2");
    Run retried = cli(job, new ArrayList<>(), args);
    assertThat(first.code).as(first.err).isZero();
    assertThat(retried.code).as(retried.err).isZero();
    String id = JSON.readTree(first.out).get("id").asText();
    assertThat(JSON.readTree(retried.out).get("id").asText()).isEqualTo(id);
    assertThat(first.err).contains("github:acme/payments:4242:deploy:apply:cli-idem");
    assertThat(api.get(developer, "/v1/requests?workspace=cli-idem").body().get("requests")).hasSize(1);
    assertThat(cli(developer, "wait", id).code).isZero();
  }

  @Test
  void anAuditExportVerifiesOfflineWithTheCliAlone(@TempDir Path dir) throws IOException {
    Path export = dir.resolve("audit.jsonl");
    Run exported = cli(PaveTestApp.ADMIN_TOKEN, "audit", "export", "--out", export.toString());
    assertThat(exported.code).as(exported.err).isZero();
    assertThat(Files.readAllLines(export)).anyMatch(line -> line.startsWith("{\"event\""));
    String key = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit/public-key").body().get("publicKey").asText();
    Run valid = cli(Map.of(), new ArrayList<>(), "audit", "verify", export.toString(), "--public-key", key);
    assertThat(valid.code).as(valid.out + valid.err).isZero();
    assertThat(valid.out).startsWith("valid: ");
    List<String> lines = new ArrayList<>(Files.readAllLines(export));
    lines.set(0, lines.get(0).replaceFirst("\"action\":\"[^\"]+\"", "\"action\":\"forged\""));
    Files.write(export, lines);
    Run broken = cli(Map.of(), new ArrayList<>(), "audit", "verify", export.toString(), "--public-key", key);
    assertThat(broken.code).isEqualTo(ExitCode.FAILED);
    assertThat(broken.out).startsWith("BROKEN at event");
  }

  /** `pave plan`: the speculative plan's changes and verdicts, exit 3 when a policy denies it. */
  @Test
  void aSpeculativePlanShowsItsChangesAndVerdictsAndAppliesNothing() throws IOException {
    Run planned = cli(developer, "plan", "--module", "postgres-database", "--workspace", "cli-plan", "--env", "dev",
        "--ttl", "24", "--set", "database_name=cli_plan", "--json");
    assertThat(planned.code).as(planned.err).isZero();
    JsonNode document = JSON.readTree(planned.out);
    assertThat(document.get("action").asText()).isEqualTo("plan");
    assertThat(document.get("status").asText()).isEqualTo("succeeded");
    assertThat(document.at("/plan/changes")).isNotEmpty();
    assertThat(document.get("policies")).isNotEmpty();
    assertThat(api.get(developer, "/v1/workspaces/cli-plan").status()).isEqualTo(404);
    Run human = cli(developer, "plan", "--module", "postgres-database", "--workspace", "cli-plan", "--env", "dev",
        "--ttl", "24", "--set", "database_name=cli_plan");
    assertThat(human.out).contains("create").contains("policy nonprod-ttl");

    Run denied = cli(developer, "plan", "--module", "postgres-database", "--workspace", "cli-plan-denied", "--env",
        "dev", "--set", "database_name=cli_plan_denied");
    assertThat(denied.code).isEqualTo(ExitCode.DENIED);
  }

  /** `pave logs`: Terraform's output of each step. */
  @Test
  void logsPrintTerraformsOutputPerStep() {
    String id = api.post(developer, "/v1/requests", Map.of("module", "postgres-database", "workspace", "cli-logs",
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "cli_logs"))).body().get("id").asText();
    api.awaitTerminal(developer, id, Duration.ofSeconds(90));
    Run logs = cli(developer, "logs", id);
    assertThat(logs.code).as(logs.err).isZero();
    assertThat(logs.out).contains("== plan ==").contains("== apply ==");
  }

  record Run(int code, String out, String err) {}

  static Run cli(String token, String... args) {
    return cli(Map.of("PAVE_URL", url(), "PAVE_TOKEN", token), new ArrayList<>(), args);
  }

  static Run cli(Map<String, String> env, List<Duration> waits, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console = new Console(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), duration -> {
          waits.add(duration);
          Thread.sleep(Math.min(duration.toMillis(), 200));
        });
    int code = Pave.run(args, console);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String url() {
    return "http://localhost:" + APP.getLocalPort();
  }

  static String issue(String name, String team, String role) {
    return api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role))
        .body().get("token").asText();
  }
}
