package dev.pave.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "wait", description = "Follow a request to a terminal status; exit with its code.")
final class WaitCommand implements Callable<Integer>, JsonOutput {

  @Parameters(paramLabel = "ID", description = "the request id") String id;
  @Mixin ConnectionOptions connection;
  @Mixin WaitOptions waiting;
  @Mixin OutputOptions output;
  private final Console console;

  WaitCommand(Console console) {
    this.console = console;
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    Waiter.Result result = new Waiter(connection.client(console), console, waiting).await(Paths.segment(id));
    return RequestReport.print(result.request(), result.exitCode(), output, console);
  }
}
