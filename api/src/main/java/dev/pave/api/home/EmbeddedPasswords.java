package dev.pave.api.home;

import java.nio.file.Path;

/**
 * The embedded servers' passwords, one 0600 file per server and role in {home}/credentials (0700):
 * {@code <server>.<role>}, e.g. {@code postgres.pave_app}. Read at each start and set on the
 * server then, so rotating one is: write a new value into its file (or delete the file for a
 * random one) and restart Pave.
 */
public final class EmbeddedPasswords {

  /** Pave's own server (tables and Terraform state), named like its data folder. */
  public static final String PAVE_SERVER = "postgres";
  /** The golden path's target server, named like its data folder. */
  public static final String TARGET_SERVER = "target-postgres";

  private final Path folder;

  private EmbeddedPasswords(Path folder) {
    this.folder = folder;
  }

  public static EmbeddedPasswords in(Path home) {
    return new EmbeddedPasswords(PrivateFiles.folder(home.resolve("credentials")));
  }

  /** Where a password lives (for tests and operators; Pave itself calls {@link #of}). */
  public static Path file(Path home, String server, String role) {
    return home.resolve("credentials").resolve(server + "." + role);
  }

  /** The role's password, generated on first use. */
  public String of(String server, String role) {
    return PasswordFile.readOrCreate(folder.resolve(server + "." + role));
  }
}
