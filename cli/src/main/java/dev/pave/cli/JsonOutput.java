package dev.pave.cli;

/** A command that takes --json: when it fails, the failure is printed as a JSON document too. */
public interface JsonOutput {
  OutputOptions output();
}
