package dev.pave.workflows.activities;

import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.terraform.InitOptions;
import dev.pave.workflows.terraform.OutputTail;
import dev.pave.workflows.terraform.Terraform;
import dev.pave.workflows.terraform.TerraformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One {@code terraform init} per module version and worker process, instead of one per request.
 *
 * <p>Every workspace's state is a Terraform workspace (a row) in one schema of the pg backend,
 * selected with TF_WORKSPACE, so the backend configuration is the same for every request of a
 * module version, and so is everything init writes under {@code .terraform}. A request's
 * directory gets a copy of that instead of running init itself: a Terraform process less on every
 * request's path (see docs/BENCHMARKS.md). Each process initializes afresh the first time it
 * needs a module version, so a state database that was replaced or emptied meanwhile gets its
 * schema and table back before anything plans against it.
 */
final class InitializedModules {

  static final String FOLDER = ".initialized";

  /** PostgreSQL's words when two sessions create the same catalog object at once. */
  /**
   * What PostgreSQL says to the losers of that race, depending on where each lost: on a catalog's
   * unique index, or (CREATE TABLE IF NOT EXISTS) on the table's row type or the table itself.
   */
  static final Pattern CATALOG_RACE = Pattern.compile(
      "duplicate key value violates unique constraint \"pg_|(type|relation) \"[^\"]+\" already exists");
  private static final int MAX_INIT_ATTEMPTS = 5;

  private final Path root;
  private final ConcurrentHashMap<String, CompletableFuture<Initialized>> ready = new ConcurrentHashMap<>();

  /**
   * An initialized copy of a module version, and what {@code terraform init} printed making it:
   * the init step's log for every request that gets a copy of it.
   */
  record Initialized(Path dir, String output) {}

  InitializedModules(Path workRoot) {
    this.root = workRoot.resolve(FOLDER);
  }

  /**
   * The initialized copy of {@code module} for this process, made now if it is not there yet
   * (callers asking for it meanwhile wait for the same init). A failed init is not remembered:
   * the next call tries again.
   *
   * @throws dev.pave.workflows.terraform.TerraformException if init fails
   */
  Initialized of(CatalogModule module, Terraform terraform, Map<String, String> env, Duration lockTimeout) {
    String key = module.name() + "-" + module.version() + "-" + shortHash(module.contentHash());
    CompletableFuture<Initialized> mine = new CompletableFuture<>();
    CompletableFuture<Initialized> existing = ready.putIfAbsent(key, mine);
    if (existing != null) {
      return await(existing);
    }
    try {
      mine.complete(initialize(module, key, terraform, env, lockTimeout));
    } catch (RuntimeException e) {
      ready.remove(key, mine);
      mine.completeExceptionally(e);
    }
    return await(mine);
  }

  private Initialized initialize(CatalogModule module, String key, Terraform terraform, Map<String, String> env,
      Duration lockTimeout) {
    Path target = root.resolve(key);
    Path building = root.resolve(key + ".building-" + UUID.randomUUID());
    try {
      WorkingDirectories.privateFolder(root);
      WorkingDirectories.copyModule(module.directory(), building);
      WorkingDirectories.writeBackend(building);
      String output = initRacingOtherProcesses(terraform, building, env, lockTimeout);
      // A previous process's copy is replaced, not trusted (see the class comment).
      Path old = root.resolve(key + ".old-" + UUID.randomUUID());
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
      dev.pave.workflows.files.Folders.deleteRecursively(old);
      return new Initialized(target, output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot initialize " + module.name() + " " + module.version(), e);
    } finally {
      dev.pave.workflows.files.Folders.deleteRecursively(building);
    }
  }

  /**
   * Several worker processes may init the same module version at once, the first time against a
   * new state database. The pg backend then runs {@code CREATE ... IF NOT EXISTS} for the same
   * schema, sequence and table in each, and PostgreSQL lets all but one fail on its catalog's
   * unique index. Whoever lost finds everything there when it tries again.
   */
  private static String initRacingOtherProcesses(Terraform terraform, Path dir, Map<String, String> env,
      Duration lockTimeout) {
    for (int attempt = 1; ; attempt++) {
      try {
        OutputTail printed = new OutputTail(StepLog.MAX_CHARS);
        terraform.init(dir, env, new InitOptions(Map.of(), lockTimeout), printed::add);
        return String.join("\n", printed.lines());
      } catch (TerraformException e) {
        if (attempt >= MAX_INIT_ATTEMPTS || !CATALOG_RACE.matcher(String.valueOf(e.getMessage())).find()) {
          throw e;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static Initialized await(CompletableFuture<Initialized> init) {
    try {
      return init.join();
    } catch (CompletionException e) {
      // The init's own exception, so a TerraformException keeps its type (and its retry mapping).
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static String shortHash(String contentHash) {
    String hex = contentHash == null ? "none" : contentHash.replaceFirst("^sha256:", "");
    return hex.substring(0, Math.min(12, hex.length()));
  }
}
