package dev.pave.workflows.activities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pave.workflows.catalog.CatalogModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A request's Terraform working directory: a copy of the catalog module, a backend file, the
 * inputs as a .tfvars.json file (never -var flags or HCL, so an input is only ever data) and what
 * {@code terraform init} made for the module version ({@link InitializedModules}). It can be
 * rebuilt on any worker, which is what lets a different worker take over any step.
 */
public final class WorkingDirectories {

  static final String VAR_FILE = "inputs.tfvars.json";
  static final String PLAN_FILE = "pave.tfplan";
  private static final String BACKEND_FILE = "_pave_backend.tf";
  private static final String DOT_TERRAFORM = ".terraform";
  private static final String LOCK_FILE = ".terraform.lock.hcl";

  /**
   * The pg backend's schema for every workspace's state; each workspace is a Terraform workspace
   * (a row of {@code states}) named like the Pave workspace. Row locks are per workspace.
   */
  public static final String STATE_SCHEMA = "terraform_state";

  /**
   * A platform input Pave always knows: the workspace's name, for modules that mark what they
   * create with their owner (stable across retries and re-plans, unlike anything Terraform generates).
   */
  static final String WORKSPACE_INPUT = "pave_workspace";

  private final Path root;
  private final ObjectMapper json = new ObjectMapper();

  public WorkingDirectories(Path root) {
    this.root = root;
  }

  public Path of(String requestId) {
    return root.resolve(requestId);
  }

  /**
   * Builds the directory if it is missing; returns it. Existing files are kept.
   *
   * @param initialized the module version's initialized directory ({@link InitializedModules})
   */
  public Path prepare(RunRequest request, CatalogModule module, TerraformRunConfig config, Path initialized) {
    Path dir = of(request.id());
    if (Files.isDirectory(dir)) {
      return dir;
    }
    try {
      Path building = privateFolder(root).resolve(request.id() + ".building");
      delete(building);
      copyModule(module.directory(), building);
      privateFolder(building);
      writeBackend(building);
      linkInitialized(initialized, building);
      ObjectNode vars = json.createObjectNode();
      config.platformInputs().forEach((name, value) -> {
        if (module.platformInputs().contains(name)) {
          vars.set(name, value);
        }
      });
      if (module.platformInputs().contains(WORKSPACE_INPUT)) {
        vars.put(WORKSPACE_INPUT, request.workspace());
      }
      vars.setAll((ObjectNode) request.inputs());
      json.writeValue(building.resolve(VAR_FILE).toFile(), vars);
      Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the working directory of " + request.id(), e);
    }
  }

  /**
   * Creates {@code folder} 0700: Terraform writes pave.tfplan (which may hold a generated
   * password) and its state copies with its umask (0644), so the folders above them are what
   * keep other local users out.
   */
  static Path privateFolder(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    return folder;
  }

  static void writeBackend(Path dir) throws IOException {
    Files.writeString(dir.resolve(BACKEND_FILE),
        "terraform {\n  backend \"pg\" {\n    schema_name = \"" + STATE_SCHEMA + "\"\n  }\n}\n");
  }

  /**
   * What init made, as if init had run here: its backend record copied (Terraform rewrites it),
   * everything else (providers, modules; large for real providers, only read) linked.
   */
  private static void linkInitialized(Path initialized, Path dir) throws IOException {
    Path source = initialized.resolve(DOT_TERRAFORM);
    Path target = Files.createDirectories(dir.resolve(DOT_TERRAFORM));
    try (var entries = Files.list(source)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        Path link = target.resolve(entry.getFileName().toString());
        if (Files.isDirectory(entry)) {
          Files.createSymbolicLink(link, entry);
        } else {
          Files.copy(entry, link);
        }
      }
    }
    if (Files.exists(initialized.resolve(LOCK_FILE))) {
      Files.copy(initialized.resolve(LOCK_FILE), dir.resolve(LOCK_FILE), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public void remove(String requestId) {
    delete(of(requestId));
  }

  static void copyModule(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (dir.getFileName().toString().equals(DOT_TERRAFORM)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void delete(Path dir) {
    dev.pave.workflows.files.Folders.deleteRecursively(dir);
  }

}
