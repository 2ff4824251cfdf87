package dev.pave.workflows.terraform;

import java.util.List;

/**
 * The calling thread was interrupted (a worker shutting down, a cancelled activity); the process
 * tree was killed and the thread's interrupt status is set again.
 */
public class TerraformInterruptedException extends TerraformException {

  public TerraformInterruptedException(String command, InterruptedException cause) {
    super(command, NO_EXIT_CODE, List.of(), "terraform " + command + " was interrupted and killed", cause);
  }
}
