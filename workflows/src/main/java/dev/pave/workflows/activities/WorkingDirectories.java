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

/**
 * A request's Terraform working directory: a copy of the catalog module, a backend file and the
 * inputs as a .tfvars.json file (never -var flags or HCL, so an input is only ever data). It can
 * be rebuilt on any worker, which is what lets a different worker take over any step.
 */
public final class WorkingDirectories {

  static final String VAR_FILE = "inputs.tfvars.json";
  static final String PLAN_FILE = "pave.tfplan";
  private static final String INITIALIZED_MARKER = ".pave-initialized";
  private static final String BACKEND_FILE = "_pave_backend.tf";

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

  /** Builds the directory if it is missing; returns it. Existing files are kept. */
  public Path prepare(RunRequest request, CatalogModule module, TerraformRunConfig config) {
    Path dir = of(request.id());
    if (Files.isDirectory(dir)) {
      return dir;
    }
    try {
      Path building = Files.createDirectories(root).resolve(request.id() + ".building");
      delete(building);
      copyModule(module.directory(), building);
      Files.writeString(building.resolve(BACKEND_FILE), "terraform {\n  backend \"pg\" {}\n}\n");
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

  public boolean initialized(Path dir) {
    return Files.exists(dir.resolve(INITIALIZED_MARKER));
  }

  public void markInitialized(Path dir) {
    try {
      Files.writeString(dir.resolve(INITIALIZED_MARKER), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Schema of the pg backend that holds this workspace's state: one per workspace, so locks are per workspace. */
  public static String stateSchema(String workspace) {
    return "tfstate_" + workspace.replace('-', '_');
  }

  public void remove(String requestId) {
    delete(of(requestId));
  }

  private static void copyModule(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (dir.getFileName().toString().equals(".terraform")) {
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
