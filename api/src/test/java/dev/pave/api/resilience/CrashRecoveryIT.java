package dev.pave.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default, killed with SIGKILL (no shutdown hook, no cleanup) while one request is
 * applying, one waits for an approval, one waits behind the apply and databases are being
 * provisioned; then started again on the same data folder. Everything accepted ends as it
 * should, nothing is applied twice, no database is made twice or lost, the orphaned embedded
 * PostgreSQL is stopped and the killed apply's state lock does not wedge its workspace.
 */
class CrashRecoveryIT {

  static final Duration READY = Duration.ofSeconds(120);
  static final Duration RUN = Duration.ofSeconds(120);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void aKilledPaveResumesEveryRequestAfterRestartAndAppliesNothingTwice() throws IOException {
    MarkerFile marker = new MarkerFile(dir.resolve("applied.log"));
    int targetPort = FreePorts.pick();
    Path home = dir.resolve("home");
    // Fixed ports: the target server's address is part of every provisioned database's state.
    Path config = PaveConfigFile.with(TestCatalog.create(dir.resolve("catalog")))
        .set("embedded.targetPort", targetPort)
        .set("embedded.databasePort", FreePorts.pick())
        .set("platformInputs", Map.of("marker_file", marker.path().toString()))
        .writeTo(dir.resolve("pave.yml"));
    TargetServer target = TargetServer.embedded(targetPort, home);

    PaveProcess second = null;
    PaveProcess third = null;
    PaveProcess first = PaveProcess.server("pave", home, config);
    try {
      first.start().awaitReady(READY);
      PaveClient client = PaveClient.issueTokens(first.api());
      String awaitingApproval = client.acceptedSlow("crash-prod", "prod", "approved-later", 0);
      client.awaitStatus(awaitingApproval, "awaiting_approval", RUN);
      String killedMidApply = client.acceptedSlow("crash-slow", "dev", "killed-mid-apply", 8);
      String queuedBehind = client.acceptedSlow("crash-slow", "dev", "after-restart", 0);
      awaitApplyStarted(client, killedMidApply);
      List<String> databases = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        databases.add(client.acceptedDatabase("crash-db-" + i, "crash_db_" + i));
      }
      PaveProcess.sleep(2_500); // the provisioner sleeps; the databases are somewhere in their runs

      long paveDatabase = postmasterPid(home.resolve("postgres")).orElseThrow();
      first.kill();
      // What a SIGKILL leaves behind: the embedded PostgreSQL servers (and maybe a Terraform run).
      assertThat(ProcessHandle.of(paveDatabase).filter(ProcessHandle::isAlive)).as("orphaned PostgreSQL").isPresent();
      System.out.println("left running by the killed Pave: " + describe(first.survivors()));

      second = first.again().start().awaitReady(READY);
      assertThat(ProcessHandle.of(paveDatabase).filter(ProcessHandle::isAlive)).as("orphan stopped at start").isEmpty();
      assertThat(second.logContains("stopping PostgreSQL left running by an earlier Pave")).isTrue();
      PaveClient afterCrash = client.on(second.api());

      List<String> resumed = new ArrayList<>(List.of(killedMidApply, queuedBehind));
      resumed.addAll(databases);
      List<JsonNode> ended = afterCrash.awaitAll(resumed, RUN, () -> { });
      ended.forEach(r -> assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("succeeded"));
      // Applied exactly once each, in order: the killed apply's state lock did not wedge the workspace.
      assertThat(marker.labels("crash-slow")).containsExactly("killed-mid-apply", "after-restart");
      System.out.println("steps of the request killed mid-apply: " + steps(afterCrash.get(killedMidApply)));
      assertThat(steps(afterCrash.get(killedMidApply))).as("the killed apply is recorded as such")
          .contains("apply:interrupted").endsWith("apply:ok");
      for (int i = 1; i <= 3; i++) {
        String name = "crash_db_" + i;
        assertThat(target.databasesNamed(name)).as(name).isEqualTo(1);
        assertThat(target.rolesNamed(name + "_owner")).as(name + "_owner").isEqualTo(1);
        assertThat(target.connectAsOwner(name, afterCrash.revealPassword("crash-db-" + i))).isEqualTo(name + "_owner");
      }

      // The approval wait survived the crash, and survives a second one; approved after it, it applies once.
      assertThat(afterCrash.get(awaitingApproval).get("status").asText()).isEqualTo("awaiting_approval");
      second.kill();
      third = second.again().start().awaitReady(READY);
      PaveClient afterSecondCrash = client.on(third.api());
      assertThat(afterSecondCrash.get(awaitingApproval).get("status").asText()).isEqualTo("awaiting_approval");
      assertThat(marker.count("crash-prod", "approved-later")).isZero();
      afterSecondCrash.approve(awaitingApproval);
      JsonNode approved = afterSecondCrash.awaitTerminal(awaitingApproval, RUN);
      assertThat(approved.get("status").asText()).as(approved.toString()).isEqualTo("succeeded");
      assertThat(marker.count("crash-prod", "approved-later")).isEqualTo(1);
    } catch (AssertionError e) {
      PaveProcess.printLogTails(first, second, third);
      throw e;
    } finally {
      PaveProcess.closeNewestFirst(first, second, third);
    }
  }

  private static List<String> steps(JsonNode request) {
    return StreamSupport.stream(request.get("steps").spliterator(), false)
        .map(s -> s.get("name").asText() + ":" + s.path("outcome").asText()).toList();
  }

  private static String describe(List<ProcessHandle> processes) {
    return processes.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).toList().toString();
  }

  /** Until the request's apply step has started and its Terraform is past init (in the provisioner's sleep). */
  private static void awaitApplyStarted(PaveClient client, String id) {
    JsonNode request = client.awaitStatus(id, "applying", RUN);
    for (int i = 0; i < 100 && !hasStep(request, "apply"); i++) {
      PaveProcess.sleep(100);
      request = client.get(id);
    }
    assertThat(hasStep(request, "apply")).as(request.toString()).isTrue();
    PaveProcess.sleep(1_500);
  }

  private static boolean hasStep(JsonNode request, String name) {
    return StreamSupport.stream(request.get("steps").spliterator(), false)
        .anyMatch(s -> s.get("name").asText().equals(name));
  }

  /** The pid in a PostgreSQL data folder's postmaster.pid, if the file is there. */
  private static Optional<Long> postmasterPid(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
  }
}
