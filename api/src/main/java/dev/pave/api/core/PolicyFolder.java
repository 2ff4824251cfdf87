package dev.pave.api.core;

import dev.pave.api.api.SimulationRequest;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.policy.PolicyLoadException;
import dev.pave.workflows.policy.PolicyLoader;
import dev.pave.workflows.policy.PolicySet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A candidate policy set sent over HTTP, written to a private temporary folder and loaded with
 * the same loader Pave starts with, so a simulation judges exactly what a deploy would load.
 */
final class PolicyFolder {

  private static final Pattern SAFE_PATH = Pattern.compile("([a-z0-9][a-z0-9_.-]*/)*[a-z0-9][a-z0-9_.-]*\\.yaml");
  private static final int MAX_BYTES = 256 * 1024;

  private PolicyFolder() {}

  /** Loads the candidate set; more than {@code maxFiles} files is a 422 on {@code policies}. */
  static PolicySet load(SimulationRequest body, int maxFiles) {
    if (body.policies() == null || body.policies().isEmpty()) {
      throw ApiException.invalid("policies", "must list the candidate policy files ({path, content})");
    }
    if (body.policies().size() > maxFiles) {
      throw ApiException.invalid("policies", "may hold at most " + maxFiles + " files per simulation");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("pave-simulate");
      for (int i = 0; i < body.policies().size(); i++) {
        SimulationRequest.PolicyFile file = body.policies().get(i);
        String field = "policies[" + i + "]";
        if (file == null || file.path() == null || !SAFE_PATH.matcher(file.path()).matches()
            || file.path().contains("..")) {
          throw ApiException.invalid(field + ".path", "must be a relative path of lower-case names ending in .yaml");
        }
        if (file.content() == null || file.content().length() > MAX_BYTES) {
          throw ApiException.invalid(field + ".content", "is required and at most " + MAX_BYTES + " characters");
        }
        Path target = dir.resolve(file.path()).normalize();
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content());
      }
      return PolicyLoader.load(dir);
    } catch (PolicyLoadException e) {
      String message = e.getMessage().replace(dir.toString() + "/", "");
      throw ApiException.invalid("policies", "do not load: " + message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try {
      dev.pave.workflows.files.Folders.deleteRecursively(dir);
    } catch (java.io.UncheckedIOException e) {
      // a temporary folder left behind is harmless
    }
  }

}
