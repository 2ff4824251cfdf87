package dev.pave.api.core;

import dev.pave.api.errors.ApiException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs simulations off the request thread, one at a time, each within a deadline: a simulation
 * replays caller-written policies over many requests, and must neither hold a Jetty thread nor
 * run on after its caller was answered. Past the deadline it is interrupted (the simulator checks
 * between requests) and the caller gets a 503 saying so.
 */
public final class SimulationRunner {

  private final ExecutorService executor;
  private final Duration deadline;

  /** {@code executor} should have one thread and no queue: a second simulation at once is refused. */
  public SimulationRunner(ExecutorService executor, Duration deadline) {
    this.executor = executor;
    this.deadline = deadline;
  }

  public <T> T run(Callable<T> simulation) {
    Future<T> future;
    try {
      future = executor.submit(simulation);
    } catch (RejectedExecutionException e) {
      throw new ApiException(503, "another policy simulation is running; try again when it has finished");
    }
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ApiException(503, "the simulation did not finish within " + seconds()
          + " and was stopped; replay a shorter window (since) or fewer policies");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiException(503, "the simulation was interrupted");
    } catch (CancellationException e) {
      throw new ApiException(503, "the simulation was stopped");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime; // ApiExceptions keep their status; anything else is the usual JSON 500
      }
      throw new IllegalStateException("the simulation failed", e.getCause());
    }
  }

  private String seconds() {
    long millis = deadline.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }
}
