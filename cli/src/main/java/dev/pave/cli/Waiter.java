package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Follows a request until a terminal status, printing each step on standard error as it finishes.
 * It ends early only when told to: awaiting approval with --no-wait-for-approval (exit 7), or
 * --timeout (exit 8). An intermediate status never ends it.
 */
public final class Waiter {

  private final PaveClient client;
  private final Console console;
  private final WaitOptions options;

  public Waiter(PaveClient client, Console console, WaitOptions options) {
    this.client = client;
    this.console = console;
    this.options = options;
  }

  public record Result(JsonNode request, int exitCode) {}

  public Result await(String id) {
    long deadline = options.timeout == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout.toNanos();
    int stepsPrinted = 0;
    String lastStatus = null;
    while (true) {
      JsonNode request = client.get("/v1/requests/" + id);
      stepsPrinted = printFinishedSteps(request.path("steps"), stepsPrinted);
      String status = request.path("status").asText();
      if (!status.equals(lastStatus)) {
        console.err().println("pave: " + id + " is " + status);
        lastStatus = status;
      }
      Integer terminal = ExitCode.ofStatus(status);
      if (terminal != null) {
        return new Result(request, terminal);
      }
      if ("awaiting_approval".equals(status) && options.noWaitForApproval) {
        return new Result(request, ExitCode.AWAITING_APPROVAL);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        console.err().println("pave: --timeout " + options.timeout + " passed; " + id + " goes on (" + status + ")");
        return new Result(request, ExitCode.TIMED_OUT);
      }
      sleep(Duration.ofNanos(Math.min(left, options.pollInterval.toNanos())));
    }
  }

  /** Steps are recorded in order, so the finished ones are a prefix that only grows. */
  private int printFinishedSteps(JsonNode steps, int alreadyPrinted) {
    int printed = alreadyPrinted;
    while (printed < steps.size() && steps.get(printed).hasNonNull("finishedAt")) {
      JsonNode step = steps.get(printed);
      console.err().printf("pave:   step %-8s %-10s %6d ms  %s%n", step.path("name").asText(),
          step.path("outcome").asText(""), step.path("durationMs").asLong(), step.path("actor").asText(""));
      printed++;
    }
    return printed;
  }

  private void sleep(Duration duration) {
    try {
      console.sleeper().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCode.TIMED_OUT, "interrupted while waiting");
    }
  }
}
