package dev.pave.api.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * `pave policy test [--policies DIR]` runs every policy's tests here; `pave policy simulate
 * --since 30d [--policies DIR]` asks a running Pave (PAVE_URL, PAVE_TOKEN) how the policies in
 * DIR would have decided the requests it recorded.
 */
public final class PolicyCommand extends Command {

  public PolicyCommand() {
    super("policy", "Test policies, or simulate a changed policy set against recorded requests");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("action").choices("test", "simulate").help("test: run the policy tests; "
        + "simulate: replay recorded requests through the policies in --policies");
    subparser.addArgument("--policies").setDefault("policies").help("the policy folder (default: policies)");
    subparser.addArgument("--since").setDefault("30d").help("simulate: how far back, e.g. 30d, 12h (default 30d)");
    subparser.addArgument("--url").help("simulate: Pave's URL (default: $PAVE_URL or http://localhost:8080)");
    subparser.addArgument("--token").help("simulate: an admin token (default: $PAVE_TOKEN)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    Path policies = Path.of(namespace.getString("policies"));
    boolean ok = switch (namespace.getString("action")) {
      case "test" -> PolicyTests.run(policies, System.out);
      default -> new PolicySimulation(
          firstOf(namespace.getString("url"), System.getenv("PAVE_URL"), "http://localhost:8080"),
          firstOf(namespace.getString("token"), System.getenv("PAVE_TOKEN"), null))
          .run(policies, namespace.getString("since"), System.out);
    };
    if (!ok) {
      throw new CommandFailed();
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!(e instanceof CommandFailed)) {
      cli.getStdErr().println("pave policy: " + e.getMessage());
    }
  }

  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** The report was printed already; the exit code says the rest. */
  static final class CommandFailed extends RuntimeException {
    CommandFailed() {
      super(null, null, false, false);
    }
  }
}
