package dev.pave.workflows.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Flags shared by several subcommands, and how values are written into them. */
final class TerraformFlags {

  /** Never wait for a prompt, never emit ANSI colour: every command Pave runs is unattended. */
  static final List<String> UNATTENDED = List.of("-input=false", "-no-color");

  private TerraformFlags() {}

  static String lockTimeout(Duration timeout) {
    return "-lock-timeout=" + duration(timeout);
  }

  /** A Go duration: whole seconds as "30s", anything finer in milliseconds. */
  static String duration(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
  }

  /** A path as a positional argument: "./-x" rather than "-x", which Terraform would read as a flag. */
  static String path(Path path) {
    String s = path.toString();
    return s.startsWith("-") ? "./" + s : s;
  }

  static void checkLockTimeout(Duration timeout) {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("lockTimeout must not be negative: " + timeout);
    }
  }
}
