package dev.pave.api.cli;

import dev.pave.api.audit.OfflineVerification;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * `pave audit export --since 30d [--out FILE]` fetches the trail from a running Pave (PAVE_URL,
 * PAVE_TOKEN of an auditor or admin) as JSON Lines; `pave audit verify FILE --public-key KEY
 * [--expect-checkpoint SEQ:HASH]` checks such a file on the auditor's own machine, with no Pave
 * and no database: exit 0 when valid (and still reaching the checkpoint the auditor saved), 1
 * with the first broken event when not.
 */
public final class AuditCommand extends Command {

  public AuditCommand() {
    super("audit", "Export the audit trail, or verify an export offline");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("action").choices("export", "verify").help("export: write the trail as JSON Lines; "
        + "verify: check an exported FILE against --public-key");
    subparser.addArgument("file").nargs("?").help("verify: the exported file");
    subparser.addArgument("--since").setDefault("30d").help("export: how far back, e.g. 30d, 12h or an instant");
    subparser.addArgument("--out").help("export: the file to write (default: standard output)");
    subparser.addArgument("--public-key").action(net.sourceforge.argparse4j.impl.Arguments.append())
        .help("verify: the checkpoint key (base64, PEM, or a file holding either); repeat for rotated keys");
    subparser.addArgument("--expect-checkpoint").metavar("SEQ:HASH")
        .help("verify: the last checkpoint you saved (seq and headHash); fails if the chain no longer reaches it");
    subparser.addArgument("--url").help("export: Pave's URL (default: $PAVE_URL or http://localhost:8080)");
    subparser.addArgument("--token").help("export: an auditor's or admin's token (default: $PAVE_TOKEN)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    boolean ok = switch (namespace.getString("action")) {
      case "export" -> export(firstOf(namespace.getString("url"), System.getenv("PAVE_URL"), "http://localhost:8080"),
          firstOf(namespace.getString("token"), System.getenv("PAVE_TOKEN"), null), namespace.getString("since"),
          namespace.getString("out") == null ? null : Path.of(namespace.getString("out")), System.out);
      default -> verify(namespace.getString("file"), namespace.getList("public_key"),
          namespace.getString("expect_checkpoint"), System.out);
    };
    if (!ok) {
      throw new PolicyCommand.CommandFailed();
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!(e instanceof PolicyCommand.CommandFailed)) {
      cli.getStdErr().println("pave audit: " + e.getMessage());
    }
  }

  static boolean export(String url, String token, String since, Path out, PrintStream console)
      throws IOException, InterruptedException {
    if (token == null) {
      throw new IllegalArgumentException("a token is needed: --token or PAVE_TOKEN (auditor or admin)");
    }
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/v1/audit/export?since="
                + URLEncoder.encode(since, StandardCharsets.UTF_8)))
            .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        console.println("Pave answered " + response.statusCode() + ": "
            + new String(body.readAllBytes(), StandardCharsets.UTF_8));
        return false;
      }
      if (out == null) {
        body.transferTo(console);
        console.flush();
      } else {
        try (OutputStream file = Files.newOutputStream(out)) {
          body.transferTo(file);
        }
      }
    }
    return true;
  }

  static boolean verify(String file, List<String> keys, String expectedCheckpoint, PrintStream console)
      throws IOException {
    return OfflineVerification.check(file, keys, expectedCheckpoint, console);
  }

  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
