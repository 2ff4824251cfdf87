package dev.pave.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where Pave is and who is calling: flags first, then PAVE_URL, PAVE_TOKEN, PAVE_OIDC_TOKEN. */
public final class ConnectionOptions {

  @Option(names = "--url", paramLabel = "URL", description = "Pave's URL (default: $PAVE_URL)")
  String url;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "a Pave token (default: $PAVE_TOKEN; prefer the variable: flags show in process lists)")
  String token;

  @Option(names = "--oidc-token", paramLabel = "JWT",
      description = "the pipeline's OIDC token, used when no Pave token is given (default: $PAVE_OIDC_TOKEN)")
  String oidcToken;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "6",
      description = "retries of a transient error (connection refused, timeout, 429, 502-504); default ${DEFAULT-VALUE}")
  int retries;

  @Option(names = "--verbose", description = "print each HTTP call (method, URL, status; never a credential)")
  boolean verbose;

  public PaveClient client(Console console) {
    String base = first(url, console.env("PAVE_URL"));
    if (base == null) {
      throw new CliFailure(ExitCode.USAGE, "where is Pave? give --url or PAVE_URL");
    }
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCode.USAGE, "--url/PAVE_URL is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new CliFailure(ExitCode.USAGE, "--url/PAVE_URL must be an http:// or https:// URL");
    }
    if (retries < 0 || retries > 20) {
      throw new CliFailure(ExitCode.USAGE, "--retries must be between 0 and 20");
    }
    Credentials credentials = Credentials.of(first(token, console.env("PAVE_TOKEN")),
        first(oidcToken, console.env("PAVE_OIDC_TOKEN")));
    return new PaveClient(base, credentials, Backoff.standard(retries), console, verbose);
  }

  private static String first(String flag, String env) {
    return flag != null && !flag.isBlank() ? flag : env;
  }
}
