package dev.pave.workflows.terraform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file that a Terraform process writes its stdout or stderr to, read line by line as it grows.
 *
 * <p>Not a pipe, on purpose: when the worker dies (SIGKILL, OOM), a pipe's reading end closes
 * and Terraform is killed by SIGPIPE at its next line, typically right after a provisioner ran and
 * before the state is saved; the retried apply then runs that provisioner a second time. Writing
 * to a file, the orphaned Terraform finishes its apply, saves the state and releases the lock, and
 * the retry finds the plan stale and plans again instead of applying twice.
 */
final class OutputFile {

  private static final Logger LOG = LoggerFactory.getLogger(OutputFile.class);
  private static final long POLL_MILLIS = 5;

  private final Path path;

  private OutputFile(Path path) {
    this.path = path;
  }

  /** A new, empty file (owner-only: Terraform's output can hold sensitive values) in {@code dir}. */
  static OutputFile create(Path dir, String command, String stream) {
    try {
      return new OutputFile(Files.createTempFile(dir, ".terraform-" + command + "-", "." + stream));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create an output file for terraform " + command + " in " + dir, e);
    }
  }

  Path path() {
    return path;
  }

  /**
   * Reads the file as the process writes it, passing on each complete line, until the process has
   * exited and everything it wrote is read.
   */
  Thread follow(Process process, String name, Consumer<String> lines) {
    Thread thread = new Thread(() -> {
      try (InputStream in = Files.newInputStream(path)) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        // Waiting on the exit rather than sleeping: the last lines are read the moment the process
        // ends, not up to a poll interval later (that was a few ms on every Terraform command).
        CompletableFuture<Process> exit = process.onExit();
        boolean exited = false;
        while (true) {
          int read = in.read(buffer);
          if (read > 0) {
            split(buffer, read, line, lines);
            continue;
          }
          if (exited) {
            break;
          }
          exited = exit.isDone(); // once exited, one more pass reads what it wrote last
          if (!exited) {
            awaitExit(exit);
          }
        }
        if (line.size() > 0) {
          lines.accept(line.toString(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        LOG.debug("terraform {} output unreadable: {}", name, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "terraform-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Returns when the process exits or after a poll interval, whichever comes first. */
  private static void awaitExit(CompletableFuture<Process> exit) throws InterruptedException {
    try {
      exit.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException stillRunning) {
      // more output may have arrived: read again
    } catch (ExecutionException impossible) {
      // onExit never completes exceptionally; the next isDone() check ends the loop either way
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", path, e.toString());
    }
  }

  private static void split(byte[] buffer, int length, ByteArrayOutputStream line, Consumer<String> lines) {
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '\n') {
        line.write(buffer, start, i - start);
        lines.accept(line.toString(StandardCharsets.UTF_8));
        line.reset();
        start = i + 1;
      }
    }
    line.write(buffer, start, length - start);
  }
}
