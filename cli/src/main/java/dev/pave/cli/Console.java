package dev.pave.cli;

import java.io.PrintStream;
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

  public static Console system() {
    return new Console(System.getenv(), System.out, System.err, duration -> Thread.sleep(duration.toMillis()));
  }

  public String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
