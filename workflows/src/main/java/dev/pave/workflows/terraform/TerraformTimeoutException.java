package dev.pave.workflows.terraform;

import java.time.Duration;
import java.util.List;

/** The command ran longer than {@link TerraformSettings#commandTimeout()}; its process tree was killed. */
public class TerraformTimeoutException extends TerraformException {

  public TerraformTimeoutException(String command, Duration timeout) {
    super(command, NO_EXIT_CODE, List.of(),
        "terraform " + command + " timed out after " + TerraformFlags.duration(timeout) + " and was killed", null);
  }
}
