package dev.pave.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * What a command may touch outside itself: the environment, standard output (data only: the
 * `--json` document, logs, outputs), standard error (everything meant for a human), and a clock to
 * sleep on. Passed in rather than read from System, so tests run the real CLI in-process.
 */
public record Console(Map<String, String> env, PrintStream out, PrintStream err, Sleeper sleeper) {

  /** Thread.sleep in production; tests may count the waits. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * Standard output is UTF-8 whatever the locale: a CI job often has none (LANG=C), where Java's
   * default charset is ASCII and every other character became '?' in what programs read.
   */
  public static Console system() {
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), true, StandardCharsets.UTF_8);
    return new Console(System.getenv(), out, System.err, duration -> Thread.sleep(duration.toMillis()));
  }

  public String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
