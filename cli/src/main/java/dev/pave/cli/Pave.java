package dev.pave.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `pave`, the CLI for pipelines. Exit codes: {@link ExitCode}; everything else: docs/cli.md. */
@Command(name = "pave", mixinStandardHelpOptions = true, versionProvider = Pave.Version.class,
    description = "Ask Pave for infrastructure from a pipeline, with exit codes CI can rely on.",
    subcommands = {ApplyCommand.class, PlanCommand.class, DestroyCommand.class, StatusCommand.class,
        WaitCommand.class, LogsCommand.class, ApproveCommand.class, RejectCommand.class, WorkspacesCommand.class,
        OutputsCommand.class, AuditCommand.class})
public final class Pave implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "which command? (pave --help lists them)");
  }

  public static void main(String[] args) {
    Console console = Console.system();
    int exitCode = run(args, console);
    console.out().flush();
    System.exit(exitCode);
  }

  /** Runs one command line and answers its exit code; nothing here calls System.exit. */
  public static int run(String[] args, Console console) {
    if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
      // The startup benchmark's command, and a pipeline's first sanity check: answered before
      // picocli reflects over eleven commands (about a third of the CPU time of a bare start).
      console.out().println(Version.text());
      return ExitCode.SUCCEEDED;
    }
    CommandLine cli = new CommandLine(new Pave(), new ConsoleFactory(console));
    // A PrintWriter over a stream encodes in the locale's charset: standard output is UTF-8 (Console#system).
    cli.setOut(new PrintWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(console.err(), true));
    cli.setExecutionExceptionHandler((failure, command, parsed) -> fail(failure, command.getCommand(), console));
    return cli.execute(args);
  }

  private static int fail(Exception failure, Object command, Console console) {
    CliFailure known = failure instanceof CliFailure f ? f
        : new CliFailure(ExitCode.FAILED, "unexpected " + failure.getClass().getSimpleName());
    console.err().println("pave: " + known.getMessage());
    if (command instanceof JsonOutput withJson && withJson.output() != null && withJson.output().json()) {
      ObjectNode document = Json.mapper().createObjectNode();
      document.put("exitCode", known.exitCode());
      ObjectNode error = known.error() != null && known.error().isObject() ? known.error().deepCopy() : Json.object();
      error.put("message", known.getMessage());
      document.set("error", error);
      console.out().println(Json.pretty(document));
    }
    return known.exitCode();
  }

  /** Builds commands with the console they print to and read the environment from. */
  private record ConsoleFactory(Console console) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        var constructor = type.getDeclaredConstructor(Console.class);
        constructor.setAccessible(true);
        return constructor.newInstance(console);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }

  /** The version from the pom, filtered into the jar at build time. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {text()};
    }

    static String text() {
      Properties properties = new Properties();
      try (InputStream in = Pave.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        // an unreadable jar entry: the version is then "unknown"
      }
      return "pave " + properties.getProperty("version", "unknown");
    }
  }
}
