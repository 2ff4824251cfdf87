package dev.pave.workflows.terraform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Terraform command: an argument list through ProcessBuilder (never a shell), the given
 * environment and nothing else, stdout and stderr written to files in the work dir and read as
 * they grow (see {@link OutputFile} for why not pipes), a deadline enforced.
 */
final class TerraformRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TerraformRunner.class);

  /** Retained stderr for messages: enough for any diagnostic, bounded for a runaway process. */
  static final int TAIL_CHARS = 1 << 20;

  /** How long Terraform gets after SIGTERM to write its state and release the lock. */
  static final Duration KILL_GRACE = Duration.ofSeconds(10);

  private final Path binary;
  private final Duration timeout;
  private final Duration killGrace;

  TerraformRunner(TerraformSettings settings) {
    this(settings.binary(), settings.commandTimeout(), KILL_GRACE);
  }

  TerraformRunner(Path binary, Duration timeout, Duration killGrace) {
    this.binary = binary;
    this.timeout = timeout;
    this.killGrace = killGrace;
  }

  /**
   * @param args the subcommand and its flags, without the binary
   * @param stdout receives every stdout line on a reader thread; if it throws, the process tree is
   *     killed and that exception is rethrown here
   * @throws TerraformTimeoutException after the command timeout (process tree killed)
   * @throws TerraformInterruptedException if this thread is interrupted (tree killed, status kept)
   */
  RunResult run(List<String> args, Path workDir, Map<String, String> env, Consumer<String> stdout) {
    String command = args.get(0);
    long started = System.nanoTime();
    OutputFile out = OutputFile.create(workDir, command, "stdout");
    OutputFile err = OutputFile.create(workDir, command, "stderr");
    try {
      Process process = start(command, args, workDir, env, out, err);
      CompletableFuture<Throwable> consumerFailure = new CompletableFuture<>();
      OutputTail stderr = new OutputTail(TAIL_CHARS);
      Thread outReader = out.follow(process, command + "-stdout", guarded(stdout, consumerFailure));
      Thread errReader = err.follow(process, command + "-stderr", stderr::add);
      try {
        awaitEnd(process, consumerFailure, List.of(outReader, errReader), started + timeout.toNanos());
      } catch (TimeoutException e) {
        stop(process);
        throw new TerraformTimeoutException(command, timeout);
      } catch (InterruptedException e) {
        stop(process);
        Thread.currentThread().interrupt();
        throw new TerraformInterruptedException(command, e);
      }
      if (consumerFailure.isDone()) {
        stop(process);
        Throwable failure = consumerFailure.join();
        if (failure instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) failure;
      }
      int exitCode = process.exitValue();
      LOG.debug("terraform {} exited {} after {} ms", command, exitCode,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return new RunResult(exitCode, stderr.lines());
    } finally {
      out.delete();
      err.delete();
    }
  }

  /** Until the process has exited and its output is read, or the consumer failed. */
  private static void awaitEnd(Process process, CompletableFuture<Throwable> consumerFailure, List<Thread> readers,
      long deadline) throws TimeoutException, InterruptedException {
    try {
      CompletableFuture.anyOf(process.onExit(), consumerFailure).get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("neither future completes exceptionally", e);
    }
    if (consumerFailure.isDone()) {
      return;
    }
    for (Thread reader : readers) { // the exit came first; the rest of the output may still be in the files
      reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline))));
      if (reader.isAlive()) {
        throw new TimeoutException();
      }
    }
  }

  /** Passes lines on until the consumer throws; then records why and swallows the rest. */
  private static Consumer<String> guarded(Consumer<String> consumer, CompletableFuture<Throwable> failure) {
    return line -> {
      if (failure.isDone()) {
        return; // keep draining so the process never blocks on a full pipe before it is killed
      }
      try {
        consumer.accept(line);
      } catch (RuntimeException | Error e) { // an Error too: a dead reader would stall the process
        failure.complete(e);
      }
    };
  }

  private Process start(String command, List<String> args, Path workDir, Map<String, String> env, OutputFile out,
      OutputFile err) {
    List<String> argv = new ArrayList<>();
    argv.add(binary.toString());
    argv.addAll(args);
    // Files, not pipes: Terraform must be able to finish (save its state) if this worker dies.
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile())
        .redirectOutput(out.path().toFile())
        .redirectError(err.path().toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close(); // -input=false: nothing may wait for stdin
      return process;
    } catch (IOException e) {
      throw new TerraformException(command, TerraformException.NO_EXIT_CODE, List.of(),
          "could not start terraform " + command + ": " + e.getMessage(), e);
    }
  }

  private void stop(Process process) {
    if (ProcessTree.kill(process, killGrace)) {
      Thread.currentThread().interrupt();
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
