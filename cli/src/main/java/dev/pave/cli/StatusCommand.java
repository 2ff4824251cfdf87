package dev.pave.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Reads a request once. Exit 0 whenever it could be read: `pave wait` is the one that judges. */
@Command(name = "status", description = "Show a request: status, steps, plan, policies, outputs.")
final class StatusCommand implements Callable<Integer>, JsonOutput {

  @Parameters(paramLabel = "ID", description = "the request id") String id;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  private final Console console;

  StatusCommand(Console console) {
    this.console = console;
  }

  @Override
  public OutputOptions output() {
    return output;
  }

  @Override
  public Integer call() {
    return RequestReport.print(connection.client(console).get("/v1/requests/" + Paths.segment(id)),
        ExitCode.SUCCEEDED, output, console);
  }
}
