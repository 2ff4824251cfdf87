package dev.pave.workflows.terraform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Stops a Terraform process and everything it started. */
final class ProcessTree {

  private ProcessTree() {}

  /**
   * SIGTERM to Terraform first: it then stops its provisioners, writes the state and releases the
   * lock (a SIGKILL would leave created resources out of the state). After {@code grace}, or at
   * once if it has exited, every process of the tree still alive is killed: Terraform only kills
   * a provisioner's shell, not the shell's children.
   *
   * @return true if the waiting was interrupted (the caller restores the interrupt status)
   */
  static boolean kill(Process process, Duration grace) {
    // Snapshot first: once their parent dies, grandchildren are re-parented and out of sight.
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    boolean interrupted = false;
    try {
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    Stream.concat(process.descendants(), tree.stream()).forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    return interrupted;
  }
}
