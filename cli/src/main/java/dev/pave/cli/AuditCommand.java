package dev.pave.cli;

import dev.pave.api.audit.OfflineVerification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `pave audit export|verify`, as the server jar's `pave audit` does them: export fetches the trail
 * as JSON Lines (auditor or admin token); verify checks such a file offline, with the code the
 * server uses (pave-common's OfflineVerification): exit 0 valid, 1 broken (or no longer reaching
 * the checkpoint given with --expect-checkpoint).
 */
@Command(name = "audit", description = "Export the audit trail, or verify an export offline.",
    subcommands = {AuditCommand.Export.class, AuditCommand.Verify.class})
final class AuditCommand {

  @Command(name = "export", description = "Write the audit trail as JSON Lines, with its signed checkpoints.")
  static final class Export implements Callable<Integer> {

    @Option(names = "--since", defaultValue = "30d", paramLabel = "WHEN",
        description = "how far back: 30d, 12h or an instant; default ${DEFAULT-VALUE}") String since;
    @Option(names = "--out", paramLabel = "FILE", description = "the file to write (default: standard output)")
    Path out;
    @Mixin ConnectionOptions connection;
    private final Console console;

    Export(Console console) {
      this.console = console;
    }

    @Override
    public Integer call() throws IOException {
      try (InputStream body = connection.client(console).download("/v1/audit/export?since="
          + URLEncoder.encode(since, StandardCharsets.UTF_8), Duration.ofMinutes(30))) {
        if (out == null) {
          body.transferTo(console.out());
          console.out().flush();
        } else {
          try (OutputStream file = Files.newOutputStream(out)) {
            body.transferTo(file);
          }
        }
      }
      return ExitCode.SUCCEEDED;
    }
  }

  @Command(name = "verify", description = "Check an export offline: the hash chain and the signed checkpoints.")
  static final class Verify implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the exported JSON Lines") String file;
    @Option(names = "--public-key", required = true, paramLabel = "KEY",
        description = "the checkpoint key (base64, PEM, or a file holding either); repeat for rotated keys")
    List<String> keys;
    @Option(names = "--expect-checkpoint", paramLabel = "SEQ:HASH",
        description = "the last checkpoint you saved (its seq and headHash); exit 1 if the export no longer reaches it")
    String expectedCheckpoint;
    private final Console console;

    Verify(Console console) {
      this.console = console;
    }

    @Override
    public Integer call() {
      try {
        return OfflineVerification.check(file, keys, expectedCheckpoint, console.out()) ? ExitCode.SUCCEEDED : ExitCode.FAILED;
      } catch (IOException | UncheckedIOException e) {
        throw new CliFailure(ExitCode.USAGE, "cannot read " + file);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(ExitCode.USAGE, e.getMessage());
      }
    }
  }
}
