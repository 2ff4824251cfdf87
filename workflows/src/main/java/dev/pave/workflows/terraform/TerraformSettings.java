package dev.pave.workflows.terraform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the binary is and how it runs.
 *
 * @param cliConfigFile the CLI config file (provider mirrors, credentials); null means /dev/null,
 *     so a worker's own ~/.terraformrc never changes what a module does
 * @param commandTimeout the longest any single command may run before its process tree is killed
 */
public record TerraformSettings(Path binary, Path cliConfigFile, Duration commandTimeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  public TerraformSettings {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive: " + commandTimeout);
    }
  }

  /** {@code terraform} from the JVM's PATH, resolved now so a missing binary fails at startup. */
  public static TerraformSettings onPath() {
    return new TerraformSettings(findOnPath("terraform", System.getenv("PATH")), null, DEFAULT_TIMEOUT);
  }

  public TerraformSettings withCommandTimeout(Duration timeout) {
    return new TerraformSettings(binary, cliConfigFile, timeout);
  }

  static Path findOnPath(String name, String path) {
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue; // an empty entry means the current directory: never trust it for a binary
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toAbsolutePath();
        }
      }
    }
    throw new IllegalStateException(name + " not found on PATH; install it or configure its path");
  }
}
