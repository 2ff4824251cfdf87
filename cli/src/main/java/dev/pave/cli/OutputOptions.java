package dev.pave.cli;

import picocli.CommandLine.Option;

/** `--json`: one JSON document on standard output and nothing else (docs/cli.md gives its shape). */
public final class OutputOptions {

  @Option(names = "--json", description = "print one JSON document on standard output (shape: docs/cli.md)")
  boolean json;

  public boolean json() {
    return json;
  }
}
