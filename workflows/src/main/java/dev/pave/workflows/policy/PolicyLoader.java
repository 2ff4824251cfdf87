package dev.pave.workflows.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Loads every policy under a folder. Policies may sit in sub-folders (one per team, say); test
 * files ({@code *.tests.yaml}) and {@code fixtures} folders are not policies. Any problem in any
 * file fails the whole load: running with one policy silently missing would fail open.
 */
public final class PolicyLoader {
  static final String POLICY_SUFFIX = ".yaml";
  static final String TESTS_SUFFIX = ".tests.yaml";
  static final String FIXTURES_FOLDER = "fixtures";

  private PolicyLoader() {}

  public static PolicySet load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new PolicyLoadException(dir, 0, "not a folder of policies");
    }
    List<Policy> policies = new ArrayList<>();
    List<PolicyLoadException> problems = new ArrayList<>();
    Map<String, Path> firstFileByName = new HashMap<>();
    for (Path file : files(dir, PolicyLoader::isPolicyFile)) {
      try {
        PolicyFileParser.Parsed parsed = PolicyFileParser.parse(file, Files.readAllBytes(file));
        Policy policy = parsed.policy();
        Path first = firstFileByName.putIfAbsent(policy.name(), file);
        if (first != null) {
          throw new PolicyLoadException(file, parsed.nameLine(),
              "duplicate policy name '" + policy.name() + "', also defined in " + first);
        }
        policies.add(policy);
      } catch (PolicyLoadException e) {
        problems.add(e);
      } catch (IOException e) {
        problems.add(new PolicyLoadException(file, 0, "cannot read: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw PolicyLoadException.combine(problems);
    }
    return new PolicySet(policies);
  }

  /**
   * Files under {@code dir} whose names match, outside fixtures and hidden folders, in a stable
   * order so errors and results come out the same on every machine.
   */
  static List<Path> files(Path dir, Predicate<String> fileName) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> !isExcluded(dir, p))
          .filter(p -> fileName.test(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  static boolean isPolicyFile(String fileName) {
    return fileName.endsWith(POLICY_SUFFIX) && !fileName.endsWith(TESTS_SUFFIX);
  }

  /** Fixtures and hidden folders (.git, editor state) hold no policies. */
  private static boolean isExcluded(Path root, Path file) {
    for (Path part : root.relativize(file.getParent() == null ? file : file.getParent())) {
      String name = part.toString();
      if (name.equals(FIXTURES_FOLDER) || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
