package dev.pave.api.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Sets the superuser's password while the server is stopped, through PostgreSQL's single-user
 * mode: no connection, so no {@code trust} line is ever needed, not even for a data folder made
 * by an older Pave (whose pg_hba.conf trusted the superuser) or after the password file was
 * deleted. Only a SCRAM verifier is sent, never the password, and the backend's output is not
 * logged (its last line only explains a failure).
 */
final class SingleUserMode {

  private SingleUserMode() {}

  static void setSuperuserPassword(Path binaries, Path dataDirectory, String scramVerifier) {
    if (!scramVerifier.startsWith("SCRAM-SHA-256$") || scramVerifier.contains("'")) {
      throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
    }
    try {
      List<String> command = new ArrayList<>();
      if (isRoot()) {
        // PostgreSQL refuses to run as root; zonky starts it in a user namespace the same way.
        command.add("unshare");
        command.add("-U");
      }
      command.addAll(List.of(postgresBinary(binaries, dataDirectory).toString(), "--single", "-D",
          dataDirectory.toString(), "-c", "log_statement=none", "-c", "log_min_error_statement=panic", "postgres"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(("ALTER ROLE postgres WITH PASSWORD '" + scramVerifier + "'\n").getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("PostgreSQL single-user mode did not finish in " + dataDirectory);
      }
      if (process.exitValue() != 0) {
        // The backend's own messages say why (a data folder of another version, a disk full); never
        // a line holding the verifier, though the backend does not echo its input.
        String why = output.lines().filter(line -> !line.contains("SCRAM-SHA-256$")).reduce((a, b) -> b).orElse("");
        throw new IllegalStateException("could not set the superuser password of the embedded PostgreSQL in "
            + dataDirectory + " (single-user mode exited with " + process.exitValue() + "): " + why);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run PostgreSQL in single-user mode in " + dataDirectory, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting the superuser password", e);
    }
  }

  /** zonky's unpacked copy (PG-<hash>/bin/postgres) whose major version is the data folder's. */
  private static Path postgresBinary(Path binaries, Path dataDirectory) throws IOException {
    String major = Files.readString(dataDirectory.resolve("PG_VERSION")).strip();
    try (Stream<Path> unpacked = Files.list(binaries)) {
      List<Path> candidates = unpacked.map(dir -> dir.resolve("bin").resolve("postgres"))
          .filter(Files::isExecutable).toList();
      for (Path candidate : candidates) {
        if (candidates.size() == 1 || version(candidate).startsWith("postgres (PostgreSQL) " + major + ".")) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no PostgreSQL " + major + " server program under " + binaries);
  }

  private static String version(Path postgres) throws IOException {
    try {
      Process process = new ProcessBuilder(postgres.toString(), "-V").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      process.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
