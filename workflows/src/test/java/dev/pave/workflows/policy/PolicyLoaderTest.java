package dev.pave.workflows.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.workflows.contract.PolicyEnforcement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
  @TempDir Path dir;

  private static final String HEADER = """
      name: p
      description: d
      stage: request
      enforcement: advisory
      """;

  /** Writes p.yaml, expects the load to fail at {@code line}, and returns the message. */
  private String failsAt(String content, int line) {
    Path file = PolicyFiles.write(dir, "p.yaml", content);
    PolicyLoadException e = (PolicyLoadException) org.assertj.core.api.Assertions
        .catchThrowable(() -> PolicyLoader.load(dir));
    assertThat(e).as("load of:\n" + content).isNotNull();
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.getMessage()).startsWith(file + ":" + line + ": ");
    return e.getMessage();
  }

  @Test
  void loadsAPolicyWithItsHashAndSource() throws Exception {
    Path file = PolicyFiles.write(dir, "p.yaml", HEADER + "when: request.environment == 'prod'\n"
        + "deny: request.action == 'destroy'\nmessage: m\n");
    Policy policy = PolicyLoader.load(dir).policy("p").orElseThrow();
    String hex = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertThat(policy.contentHash()).isEqualTo("sha256:" + hex);
    assertThat(policy.source()).isEqualTo(file);
    assertThat(policy.stage()).isEqualTo(PolicyStage.REQUEST);
    assertThat(policy.enforcement()).isEqualTo(PolicyEnforcement.ADVISORY);
    assertThat(policy.when().source()).isEqualTo("request.environment == 'prod'");
    assertThat(policy.when().line()).isEqualTo(5);
    assertThat(policy.deny().line()).isEqualTo(6);
  }

  @Test
  void yamlThatDoesNotParse() {
    assertThat(failsAt(HEADER + "deny: 'true'\n  bad: indent\nmessage: m\n", 6)).contains("not valid YAML");
  }

  @Test
  void unclosedQuoteSaysWhereItOpened() {
    assertThat(failsAt(HEADER + "deny: 'request.environment\nmessage: m\n", 7))
        .contains("while scanning a quoted scalar from line 5");
  }

  @Test
  void foldedExpressionErrorsPointAtItsFirstLine() {
    String content = HEADER + "deny: >\n  request.environment ==\n  prod\nmessage: m\n";
    assertThat(failsAt(content, 6)).contains("undeclared reference to 'prod'");
  }

  @Test
  void unknownField() {
    assertThat(failsAt(HEADER + "deny: 'true'\nmesage: m\n", 6)).contains("unknown field 'mesage'");
  }

  /** The field a policy is about is where the API shows its refusal; without one, the request as a whole. */
  @Test
  void aPolicyNamesTheFieldItIsAbout() {
    PolicyFiles.write(dir, "p.yaml", HEADER + "field: inputs.connection_limit\ndeny: 'true'\nmessage: m\n");
    PolicyFiles.write(dir, "q.yaml", HEADER.replace("name: p", "name: q") + "deny: 'true'\nmessage: m\n");
    PolicySet loaded = PolicyLoader.load(dir);
    assertThat(loaded.policy("p").orElseThrow().field()).isEqualTo("inputs.connection_limit");
    assertThat(loaded.policy("q").orElseThrow().field()).isEqualTo(Policy.WHOLE_REQUEST);
  }

  @Test
  void aFieldThatIsNoRequestFieldIsRefusedWhereItIsWritten() {
    assertThat(failsAt(HEADER + "field: 'ttl hours!'\ndeny: 'true'\nmessage: m\n", 5))
        .contains("field 'ttl hours!' must name a request field or input");
    assertThat(failsAt(HEADER + "field: 3\ndeny: 'true'\nmessage: m\n", 5)).contains("'field' must be a non-empty string");
  }

  /** Each shipped hard-mandatory request policy names its field, so its refusal stands beside it in the form. */
  @Test
  void theShippedPoliciesNameTheirFields() {
    PolicySet shipped = PolicyLoader.load(Path.of("../policies"));
    assertThat(shipped.policy("nonprod-ttl").orElseThrow().field()).isEqualTo("ttlHours");
    assertThat(shipped.policy("naming-convention").orElseThrow().field()).isEqualTo("workspace");
    assertThat(shipped.policy("large-connection-limit").orElseThrow().field()).isEqualTo("inputs.connection_limit");
    assertThat(shipped.policy("cost-ceiling").orElseThrow().field()).isEqualTo(Policy.WHOLE_REQUEST);
  }

  @Test
  void duplicateKeyIsNotSilentlyOverwritten() {
    assertThat(failsAt(HEADER + "deny: 'true'\ndeny: 'false'\nmessage: m\n", 6))
        .contains("duplicate key 'deny' (first on line 5)");
  }

  @Test
  void missingRequiredField() {
    assertThat(failsAt(HEADER + "message: m\n", 1)).contains("missing required field 'deny'");
  }

  @Test
  void badStage() {
    assertThat(failsAt(HEADER.replace("stage: request", "stage: apply") + "deny: 'true'\nmessage: m\n", 3))
        .contains("stage must be 'request' or 'plan', not 'apply'");
  }

  @Test
  void badEnforcement() {
    assertThat(failsAt(HEADER.replace("advisory", "mandatory") + "deny: 'true'\nmessage: m\n", 4))
        .contains("enforcement must be");
  }

  @Test
  void fieldThatIsNotAString() {
    assertThat(failsAt(HEADER + "deny: true\nmessage: m\n", 5)).contains("'deny' must be a non-empty string");
  }

  @Test
  void nameMustMatchTheFileSoTestsAreFound() {
    assertThat(failsAt(HEADER.replace("name: p", "name: other") + "deny: 'true'\nmessage: m\n", 1))
        .contains("must match the file name 'p'");
  }

  @Test
  void emptyFile() {
    assertThat(failsAt("# nothing yet\n", 1)).contains("expected a policy");
  }

  @Test
  void denyThatDoesNotParsePointsAtTheLineInsideABlock() {
    String content = HEADER + "deny: |\n  request.environment == 'prod' &&\n  request.action ==\nmessage: m\n";
    assertThat(failsAt(content, 7))
        .contains("deny does not compile")
        .contains("| request.action ==");
  }

  @Test
  void requestPolicyCannotReadThePlan() {
    String content = HEADER + "deny: |\n  request.action == 'apply' &&\n  plan.resource_changes.size() > 0\nmessage: m\n";
    assertThat(failsAt(content, 7))
        .contains("undeclared reference to 'plan'")
        .contains("request policies can read request, workspace, requester, module, cost");
  }

  @Test
  void whenThatDoesNotCompile() {
    assertThat(failsAt(HEADER + "when: request.environment = 'prod'\ndeny: 'true'\nmessage: m\n", 5))
        .contains("when does not compile");
  }

  @Test
  void denyMustBeABool() {
    assertThat(failsAt(HEADER + "deny: \"'yes'\"\nmessage: m\n", 5)).contains("deny does not compile");
  }

  @Test
  void duplicateNamesAcrossFolders() {
    PolicyFiles.write(dir, "team-a/p.yaml", HEADER + "deny: 'true'\nmessage: m\n");
    Path second = PolicyFiles.write(dir, "team-b/p.yaml", "# same name\n" + HEADER + "deny: 'true'\nmessage: m\n");
    assertThatThrownBy(() -> PolicyLoader.load(dir))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> {
          assertThat(e.file()).isEqualTo(second);
          assertThat(e.line()).isEqualTo(2);
        })
        .hasMessageStartingWith(second + ":2: duplicate policy name 'p', also defined in ")
        .hasMessageContaining("team-a");
  }

  @Test
  void everyBrokenFileIsReportedAtOnce() {
    PolicyFiles.write(dir, "a.yaml", HEADER.replace("name: p", "name: a") + "message: m\n");
    PolicyFiles.write(dir, "b.yaml", HEADER.replace("name: p", "name: b") + "deny: 'x ='\nmessage: m\n");
    assertThatThrownBy(() -> PolicyLoader.load(dir))
        .hasMessageContaining("2 policy files have problems")
        .hasMessageContaining("a.yaml:1: missing required field 'deny'")
        .hasMessageContaining("b.yaml:5: deny does not compile");
  }

  @Test
  void testsAndFixturesAreNotPolicies() {
    PolicyFiles.write(dir, "p.yaml", HEADER + "deny: 'true'\nmessage: m\n");
    PolicyFiles.write(dir, "p.tests.yaml", "cases: []\n");
    PolicyFiles.write(dir, "fixtures/input.yaml", "not: a policy\n");
    assertThat(PolicyLoader.load(dir).policies()).extracting(Policy::name).containsExactly("p");
  }

  @Test
  void aMissingFolderIsAnErrorNotAnEmptySet() {
    assertThatThrownBy(() -> PolicyLoader.load(dir.resolve("nope")))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageContaining("nope: not a folder of policies");
  }
}
