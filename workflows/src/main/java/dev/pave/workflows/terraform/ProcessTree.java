package dev.pave.workflows.terraform;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Stops a Terraform process and everything it started. */
final class ProcessTree {

  private static final long POLL_MILLIS = 20;

  private ProcessTree() {}

  /**
   * SIGTERM to Terraform first: it then stops its provisioners, lets providers finish, writes the
   * state and releases the lock (a SIGKILL would leave created resources out of the state). Then,
   * once it has exited or after {@code grace}, every process of the tree seen meanwhile is killed:
   * Terraform kills a provisioner's shell but not the shell's children, which once orphaned are no
   * longer its descendants, so the tree is sampled while Terraform shuts down.
   *
   * @return true if the waiting was interrupted (the caller restores the interrupt status)
   */
  static boolean kill(Process process, Duration grace) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    process.descendants().forEach(tree::add);
    process.destroy();
    boolean interrupted = false;
    long deadline = System.nanoTime() + grace.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline && !interrupted) {
      process.descendants().forEach(tree::add);
      try {
        process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        interrupted = true; // a second interrupt: stop waiting, kill everything now
      }
    }
    process.descendants().forEach(tree::add);
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    return interrupted;
  }
}
