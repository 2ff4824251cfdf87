package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  static Map<String, String> github(String runId, String job, String attempt) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_REPOSITORY", "acme/payments");
    env.put("GITHUB_RUN_ID", runId);
    env.put("GITHUB_JOB", job);
    env.put("GITHUB_RUN_ATTEMPT", attempt);
    return env;
  }

  @Test
  void aRetriedGithubJobGetsTheSameKeyAndAnotherRunOrJobAnother() {
    String first = IdempotencyKeys.fromCi(github("42", "deploy", "1"), "apply", "orders-db").orElseThrow();
    assertThat(first).isEqualTo("github:acme/payments:42:deploy:apply:orders-db");
    assertThat(IdempotencyKeys.fromCi(github("42", "deploy", "2"), "apply", "orders-db")).contains(first);
    assertThat(IdempotencyKeys.fromCi(github("43", "deploy", "1"), "apply", "orders-db")).get().isNotEqualTo(first);
    assertThat(IdempotencyKeys.fromCi(github("42", "teardown", "1"), "apply", "orders-db")).get().isNotEqualTo(first);
    assertThat(IdempotencyKeys.fromCi(github("42", "deploy", "1"), "destroy", "orders-db")).get().isNotEqualTo(first);
    assertThat(IdempotencyKeys.fromCi(github("42", "deploy", "1"), "apply", "other-db")).get().isNotEqualTo(first);
  }

  @Test
  void aRetriedGitlabJobGetsTheSameKeyThoughItsJobIdChanges() {
    Map<String, String> env = new HashMap<>(Map.of("GITLAB_CI", "true", "CI_PROJECT_ID", "7", "CI_PIPELINE_ID",
        "900", "CI_JOB_NAME", "deploy", "CI_JOB_ID", "1"));
    String first = IdempotencyKeys.fromCi(env, "apply", "orders-db").orElseThrow();
    env.put("CI_JOB_ID", "2");
    assertThat(IdempotencyKeys.fromCi(env, "apply", "orders-db")).contains(first);
    assertThat(first).isEqualTo("gitlab:7:900:deploy:apply:orders-db");
  }

  @Test
  void aJobNameWithSpacesBecomesAHashPaveAccepts() {
    Map<String, String> env = Map.of("GITLAB_CI", "true", "CI_PROJECT_ID", "7", "CI_PIPELINE_ID", "900",
        "CI_JOB_NAME", "deploy: [prod, eu]");
    String key = IdempotencyKeys.fromCi(env, "apply", "orders-db").orElseThrow();
    assertThat(key).startsWith("gitlab:sha256:").hasSizeLessThanOrEqualTo(200);
    assertThat(key.chars().allMatch(c -> c > 0x20 && c < 0x7f)).isTrue();
    assertThat(IdempotencyKeys.fromCi(env, "apply", "orders-db")).contains(key);
  }

  @Test
  void outsideCiThereIsNoDerivedKey() {
    assertThat(IdempotencyKeys.fromCi(Map.of("HOME", "/root"), "apply", "orders-db")).isEmpty();
    assertThat(IdempotencyKeys.fromCi(Map.of("GITHUB_ACTIONS", "true"), "apply", "orders-db")).isEmpty();
  }
}
