package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, interrupts and cancelling listeners stop Terraform and everything it started. */
class TerraformProcessControlTest {

  private final TerraformSettings settings = TerraformSettings.onPath();
  private final Terraform terraform = new Terraform(settings);

  @TempDir Path home;
  @TempDir Path work;
  private Map<String, String> env;
  /** A sleep no other process on the machine runs, so leftovers can be found by command line. */
  private final String sleep = "sleep 30." + ThreadLocalRandom.current().nextInt(100_000, 999_999);

  @BeforeEach
  void planASlowApply() {
    env = TerraformEnvironment.minimal(home, settings, Map.of());
    // "; :" keeps the provisioner's shell alive above sleep: a grandchild Terraform does not kill itself.
    TestConfigs.slowModule(work, sleep + "; :");
    terraform.init(work, env, InitOptions.defaults());
    terraform.plan(work, env, new PlanOptions(null, Path.of("tfplan"), false, null), TerraformListener.NONE);
  }

  @Test
  void timeoutKillsTheWholeProcessTree() {
    Terraform impatient = new Terraform(settings.withCommandTimeout(Duration.ofSeconds(2)));
    long started = System.nanoTime();

    assertThatThrownBy(() -> impatient.apply(work, env, Path.of("tfplan"), null, TerraformListener.NONE))
        .isInstanceOf(TerraformTimeoutException.class)
        .hasMessage("terraform apply timed out after 2s and was killed");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertNoLeftover();
  }

  @Test
  void interruptKillsTheTreeAndKeepsTheInterruptStatus() throws Exception {
    CountDownLatch provisioning = new CountDownLatch(1);
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        terraform.apply(work, env, Path.of("tfplan"), null, event -> {
          if ("provision_start".equals(event.path("type").asText())) {
            provisioning.countDown();
          }
        });
        failure.complete(null);
      } catch (Throwable t) {
        stillInterrupted.set(Thread.currentThread().isInterrupted());
        failure.complete(t);
      }
    });
    caller.start();
    assertThat(provisioning.await(20, TimeUnit.SECONDS)).isTrue();
    awaitSleepRunning();
    caller.interrupt();

    assertThat(failure.get(20, TimeUnit.SECONDS)).isInstanceOf(TerraformInterruptedException.class);
    assertThat(stillInterrupted).isTrue();
    assertNoLeftover();
  }

  @Test
  void aThrowingListenerCancelsTheRunWithItsOwnException() {
    RuntimeException cancelled = new IllegalStateException("activity cancelled");

    // Like a heartbeat of a cancelled activity: the next event after the provisioner is running.
    assertThatThrownBy(() -> terraform.apply(work, env, Path.of("tfplan"), null, event -> {
      if ("provision_progress".equals(event.path("type").asText())) {
        awaitSleepRunning();
        throw cancelled;
      }
    })).isSameAs(cancelled);
    assertNoLeftover();
  }

  /**
   * Right at provision_start the shell may not have forked yet; a stop then never sees the sleep.
   * The realistic case, and the one tested, is a provisioner already running.
   */
  private void awaitSleepRunning() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (leftovers() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(leftovers()).isPositive();
  }

  private void assertNoLeftover() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); // SIGKILL is delivered asynchronously
    while (leftovers() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(leftovers()).as("processes running '%s'", sleep).isZero();
  }

  private long leftovers() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(sleep))
        .count();
  }
}
