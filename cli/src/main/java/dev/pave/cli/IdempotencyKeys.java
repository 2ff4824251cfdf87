package dev.pave.cli;

import dev.pave.workflows.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The Idempotency-Key a CI job sends when none is given, so a retried job replays its first
 * request instead of provisioning twice. It names the pipeline run and the job, never the attempt:
 * GitHub Actions: GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB (not GITHUB_RUN_ATTEMPT, which a
 * re-run increments); GitLab CI: CI_PROJECT_ID, CI_PIPELINE_ID, CI_JOB_NAME (not CI_JOB_ID, which a
 * retry changes). The command and workspace are added so one job's apply and destroy, or its two
 * workspaces, stay apart. Pave scopes keys to the caller's subject, so two teams never collide.
 */
public final class IdempotencyKeys {

  private static final int MAX = 200;

  private IdempotencyKeys() {}

  public static Optional<String> fromCi(Map<String, String> env, String command, String workspace) {
    String run;
    if ("true".equals(env.get("GITHUB_ACTIONS")) || has(env, "GITHUB_RUN_ID")) {
      if (!has(env, "GITHUB_RUN_ID")) {
        return Optional.empty();
      }
      run = "github:" + env.getOrDefault("GITHUB_REPOSITORY", "") + ":" + env.get("GITHUB_RUN_ID") + ":"
          + env.getOrDefault("GITHUB_JOB", "");
    } else if (has(env, "GITLAB_CI") || has(env, "CI_PIPELINE_ID")) {
      if (!has(env, "CI_PIPELINE_ID")) {
        return Optional.empty();
      }
      run = "gitlab:" + env.getOrDefault("CI_PROJECT_ID", "") + ":" + env.get("CI_PIPELINE_ID") + ":"
          + env.getOrDefault("CI_JOB_NAME", "");
    } else {
      return Optional.empty();
    }
    String key = run + ":" + command + ":" + workspace;
    // Pave takes 1 to 200 visible ASCII characters; job names may hold spaces or anything else.
    if (key.length() <= MAX && key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return Optional.of(key);
    }
    return Optional.of(run.substring(0, run.indexOf(':')) + ":" + Hashes.sha256(key.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean has(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }
}
