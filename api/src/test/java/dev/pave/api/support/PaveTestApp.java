package dev.pave.api.support;

import dev.pave.api.PaveApplication;
import dev.pave.api.PaveConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The whole application on the embedded default, in a fresh data folder, on free ports. */
public final class PaveTestApp {

  public static final String ADMIN_TOKEN = "pave_test-admin-token-0123456789";

  private PaveTestApp() {}

  public static DropwizardAppExtension<PaveConfiguration> embedded(ConfigOverride... extra) {
    return embeddedFrom("pave-test.yml", extra);
  }

  /** The same, from another test configuration file in src/test/resources. */
  public static DropwizardAppExtension<PaveConfiguration> embeddedFrom(String configResource, ConfigOverride... extra) {
    Path home;
    try {
      home = Files.createTempDirectory("pave-test-home");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deleteAtExit(home);
    return embeddedIn(home, configResource, extra);
  }

  /**
   * Each home holds its own PostgreSQL binaries and clusters (about 450 MB): kept, they filled the
   * shared disk. Deleted when the test JVM exits, after every app of it has stopped its servers.
   */
  private static void deleteAtExit(Path home) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Stream<Path> tree = Files.walk(home)) {
        tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // best effort: a leftover temp folder is no test failure
      }
    }, "pave-test-home-cleanup"));
  }

  /** The application on a given data folder: a second one on the same folder is Pave restarted. */
  public static DropwizardAppExtension<PaveConfiguration> embeddedIn(Path home, String configResource,
      ConfigOverride... extra) {
    ConfigOverride[] overrides = new ConfigOverride[extra.length + 2];
    overrides[0] = ConfigOverride.config("home", home.toString());
    overrides[1] = ConfigOverride.config("adminToken", ADMIN_TOKEN);
    System.arraycopy(extra, 0, overrides, 2, extra.length);
    return new DropwizardAppExtension<>(PaveApplication.class, ResourceHelpers.resourceFilePath(configResource),
        overrides);
  }
}
